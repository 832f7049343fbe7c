//! Presenter credentials and the audience's join code.

use crate::contest::model::Role;
use crate::ids::{LinkId, PresenterId};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use rand::Rng as _;
use rand::RngCore as _;
use sha2::{Digest, Sha256};
use std::fmt;
use subtle::ConstantTimeEq as _;
use thiserror::Error;

/// Prefix of every presenter token, so that a leaked one is recognisable in
/// logs and by secret scanners.
const TOKEN_PREFIX: &str = "tly_";
/// Random bytes in a token: 256 bits, far beyond guessing.
const TOKEN_BYTES: usize = 32;

/// The secret that proves a caller is the presenter. Only its hash is stored.
#[derive(Clone, PartialEq, Eq)]
pub struct PresenterToken(String);

impl PresenterToken {
    /// A new random token.
    pub fn generate() -> Self {
        let mut bytes = [0u8; TOKEN_BYTES];
        rand::rng().fill_bytes(&mut bytes);
        Self(format!("{TOKEN_PREFIX}{}", URL_SAFE_NO_PAD.encode(bytes)))
    }

    /// Wraps a token a caller presented. Any string is accepted here: an
    /// unknown or malformed token simply matches no stored hash.
    pub fn from_presented(raw: impl Into<String>) -> Self {
        Self(raw.into())
    }

    /// The token, to hand to the presenter exactly once.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// What is stored: SHA-256 of the token. A fast hash is right here
    /// because tokens are 256-bit random values, not passwords.
    pub fn hash(&self) -> TokenHash {
        TokenHash(Sha256::digest(self.0.as_bytes()).into())
    }
}

impl fmt::Debug for PresenterToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PresenterToken(<redacted>)")
    }
}

/// The stored form of a presenter token.
#[derive(Clone, Copy, Debug)]
pub struct TokenHash([u8; 32]);

impl TokenHash {
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        Self(bytes)
    }

    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }
}

impl PartialEq for TokenHash {
    /// Constant-time, so that comparing does not leak how much matched.
    fn eq(&self, other: &Self) -> bool {
        self.0.ct_eq(&other.0).into()
    }
}

impl Eq for TokenHash {}

/// Who may drive a presentation, as stored with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PresenterAccess {
    pub presenter_id: PresenterId,
    pub token_hash: TokenHash,
    /// Created without credentials while the compatibility switch
    /// (`TALLY_OPEN_PRESENTER=1`) was on.
    pub created_open: bool,
    /// The audience's code, which a delegate's big screen shows.
    pub join_code: JoinCode,
    /// The co-host and moderator links of every contest tied to this
    /// presentation (revoked ones included, so that they are refused as
    /// revoked rather than as strangers). The presentation store knows no
    /// contests and leaves this empty; the use cases add them from the
    /// contest store ([`crate::ports::ContestPeople::delegates`]).
    pub delegates: Vec<Delegate>,
}

/// A contest's invite link that acts on the contest's presentation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Delegate {
    pub link: LinkId,
    pub role: Role,
    pub token_hash: TokenHash,
    pub revoked: bool,
}

/// What an operation on a presentation needs.
///
/// | power | presenter | co-host | moderator |
/// |---|---|---|---|
/// | `Own`: delete the presentation | ✓ | | |
/// | `Run`: slides, voting, timers, resets, result visibility, the vote list, the quiz leaderboard | ✓ | ✓ | |
/// | `Moderate`: see the results with held audience text, the presenter channels; hide, approve, pin and answer audience text | ✓ | ✓ | ✓ |
///
/// A co-host runs the event but cannot delete it: the deck and its votes
/// belong to whoever holds the presenter token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Power {
    Own,
    Run,
    Moderate,
}

impl Power {
    pub const ALL: [Power; 3] = [Power::Own, Power::Run, Power::Moderate];

    pub fn as_str(self) -> &'static str {
        match self {
            Power::Own => "own",
            Power::Run => "run",
            Power::Moderate => "moderate",
        }
    }
}

impl Role {
    /// Whether a link with this role has `power` over its contest's
    /// presentation. Judges have none.
    pub fn may(self, power: Power) -> bool {
        matches!(
            (self, power),
            (Role::Cohost, Power::Run | Power::Moderate) | (Role::Moderator, Power::Moderate)
        )
    }
}

/// Who was let in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Holder {
    /// The presenter token, or anyone on a presentation open by the
    /// compatibility switch.
    Presenter,
    /// A contest's co-host or moderator link.
    Delegate { link: LinkId, role: Role },
}

impl Holder {
    /// Whether the holder has `power` on the presentation: the presenter
    /// every one, a delegate what its role allows.
    pub fn may(self, power: Power) -> bool {
        match self {
            Holder::Presenter => true,
            Holder::Delegate { role, .. } => role.may(power),
        }
    }
}

/// Why a caller may not act as the presenter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum AccessDenied {
    #[error("this operation needs the presenter token (Authorization: Bearer <token>)")]
    MissingToken,
    #[error("the presenter token does not grant access to this presentation")]
    WrongToken,
    #[error("this link was revoked")]
    LinkRevoked,
    #[error("a {} link may not do this on the presentation", .0.as_str())]
    RoleForbidden(Role),
}

impl PresenterAccess {
    /// Decides whether `credential` lets its holder use `power` on the
    /// presentation.
    ///
    /// `open_mode` is the compatibility switch as it is *now*. A presentation
    /// is open only when it was created without credentials under the switch
    /// and the switch is still on, so turning the switch off closes every
    /// presentation again, and turning it on never opens presentations that
    /// were created securely.
    ///
    /// # Errors
    /// [`AccessDenied`] when no token was presented, it is neither the
    /// presenter's nor a delegate's, the delegate's link is revoked, or its
    /// role lacks `power`.
    pub fn authorize(
        &self,
        credential: Option<&PresenterToken>,
        open_mode: bool,
        power: Power,
    ) -> Result<Holder, AccessDenied> {
        if open_mode && self.created_open {
            return Ok(Holder::Presenter);
        }
        let hash = credential.ok_or(AccessDenied::MissingToken)?.hash();
        if hash == self.token_hash {
            return Ok(Holder::Presenter);
        }
        let delegate = self
            .delegates
            .iter()
            .find(|d| d.token_hash == hash)
            .ok_or(AccessDenied::WrongToken)?;
        if delegate.revoked {
            Err(AccessDenied::LinkRevoked)
        } else if delegate.role.may(power) {
            Ok(Holder::Delegate {
                link: delegate.link,
                role: delegate.role,
            })
        } else {
            Err(AccessDenied::RoleForbidden(delegate.role))
        }
    }
}

/// Digits in a join code.
pub const JOIN_CODE_DIGITS: usize = 6;

/// The short code an audience member types to join: six digits, easy to read
/// off a slide and to type on a phone keypad.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct JoinCode(String);

/// Why a join code was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
#[error("a join code is {JOIN_CODE_DIGITS} digits")]
pub struct InvalidJoinCode;

impl JoinCode {
    /// A random code. Uniqueness is the store's job (a unique constraint);
    /// the use case retries on a collision.
    pub fn generate() -> Self {
        let n: u32 = rand::rng().random_range(0..1_000_000);
        Self(format!("{n:06}"))
    }

    /// Parses a code as typed. Spaces and dashes are ignored, since people
    /// write codes as "123 456" or "123-456".
    ///
    /// # Errors
    /// [`InvalidJoinCode`] unless exactly six digits remain.
    pub fn parse(raw: &str) -> Result<Self, InvalidJoinCode> {
        let digits: String = raw.chars().filter(|c| *c != ' ' && *c != '-').collect();
        if digits.len() == JOIN_CODE_DIGITS && digits.chars().all(|c| c.is_ascii_digit()) {
            Ok(Self(digits))
        } else {
            Err(InvalidJoinCode)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn access(token: &PresenterToken, created_open: bool) -> PresenterAccess {
        PresenterAccess {
            presenter_id: PresenterId::generate(),
            token_hash: token.hash(),
            created_open,
            join_code: JoinCode::generate(),
            delegates: Vec::new(),
        }
    }

    #[test]
    fn tokens_are_random_prefixed_and_redacted_in_debug() {
        let a = PresenterToken::generate();
        let b = PresenterToken::generate();
        assert_ne!(a, b);
        assert!(a.expose().starts_with("tly_"));
        assert_eq!(a.expose().len(), 4 + 43);
        assert!(!format!("{a:?}").contains(a.expose()));
    }

    #[test]
    fn the_right_token_is_accepted() {
        let token = PresenterToken::generate();
        assert_eq!(
            access(&token, false).authorize(Some(&token), false, Power::Own),
            Ok(Holder::Presenter)
        );
    }

    #[test]
    fn missing_and_wrong_tokens_are_denied() {
        let token = PresenterToken::generate();
        let other = PresenterToken::generate();
        let access = access(&token, false);
        assert_eq!(
            access.authorize(None, false, Power::Own),
            Err(AccessDenied::MissingToken)
        );
        assert_eq!(
            access.authorize(Some(&other), false, Power::Own),
            Err(AccessDenied::WrongToken)
        );
        let garbage = PresenterToken::from_presented("garbage");
        assert_eq!(
            access.authorize(Some(&garbage), false, Power::Own),
            Err(AccessDenied::WrongToken)
        );
    }

    #[test]
    fn open_mode_opens_only_presentations_created_open() {
        let token = PresenterToken::generate();
        assert_eq!(
            access(&token, true).authorize(None, true, Power::Own),
            Ok(Holder::Presenter)
        );
        // Created securely: the switch does not open it.
        assert_eq!(
            access(&token, false).authorize(None, true, Power::Own),
            Err(AccessDenied::MissingToken)
        );
        // Created open, switch since turned off: closed again.
        assert_eq!(
            access(&token, true).authorize(None, false, Power::Own),
            Err(AccessDenied::MissingToken)
        );
    }

    #[test]
    fn delegates_act_within_their_role_until_revoked() {
        let presenter = PresenterToken::generate();
        let [cohost, moderator, judge, revoked, stranger] =
            std::array::from_fn(|_| PresenterToken::generate());
        let delegate = |token: &PresenterToken, role, revoked| Delegate {
            link: LinkId::generate(),
            role,
            token_hash: token.hash(),
            revoked,
        };
        let mut access = access(&presenter, false);
        access.delegates = vec![
            delegate(&cohost, Role::Cohost, false),
            delegate(&moderator, Role::Moderator, false),
            delegate(&judge, Role::Judge, false),
            delegate(&revoked, Role::Cohost, true),
        ];
        use AccessDenied::{LinkRevoked, RoleForbidden, WrongToken};
        // Each caller against Own, Run and Moderate.
        let table: [(&PresenterToken, [Result<(), AccessDenied>; 3]); 6] = [
            (&presenter, [Ok(()), Ok(()), Ok(())]),
            (&cohost, [Err(RoleForbidden(Role::Cohost)), Ok(()), Ok(())]),
            (
                &moderator,
                [
                    Err(RoleForbidden(Role::Moderator)),
                    Err(RoleForbidden(Role::Moderator)),
                    Ok(()),
                ],
            ),
            (&judge, [Err(RoleForbidden(Role::Judge)); 3]),
            (&revoked, [Err(LinkRevoked); 3]),
            (&stranger, [Err(WrongToken); 3]),
        ];
        for (token, expected) in table {
            for (power, want) in [Power::Own, Power::Run, Power::Moderate]
                .into_iter()
                .zip(expected)
            {
                let got = access.authorize(Some(token), false, power).map(|_| ());
                assert_eq!(got, want, "{power:?}");
            }
        }
        let Ok(Holder::Delegate { link, role }) =
            access.authorize(Some(&moderator), false, Power::Moderate)
        else {
            panic!("the moderator is let in as a delegate");
        };
        assert_eq!((link, role), (access.delegates[1].link, Role::Moderator));
    }

    #[test]
    fn join_codes_are_six_digits_and_forgive_separators() {
        for _ in 0..100 {
            let code = JoinCode::generate();
            assert_eq!(JoinCode::parse(code.as_str()), Ok(code));
        }
        assert_eq!(JoinCode::parse("123 456").unwrap().as_str(), "123456");
        assert_eq!(JoinCode::parse("123-456").unwrap().as_str(), "123456");
        assert_eq!(JoinCode::parse("12345"), Err(InvalidJoinCode));
        assert_eq!(JoinCode::parse("12345a"), Err(InvalidJoinCode));
        assert_eq!(JoinCode::parse("١٢٣٤٥٦"), Err(InvalidJoinCode));
    }
}
