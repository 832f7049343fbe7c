//! Presenter credentials and the audience's join code.

use crate::contest::model::Role;
use crate::ids::{LinkId, PresenterId};
use crate::links::LinkRole;
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
    /// Who else holds a secret for it: the presentation's own links
    /// (filled in by the presentation store), then the co-host and
    /// moderator links of every contest tied to it (added by the use cases
    /// from the contest store, [`crate::ports::ContestPeople::delegates`]).
    /// Revoked links are included, so that they are refused as revoked
    /// rather than as strangers.
    pub delegates: Vec<Delegate>,
}

/// A link that acts on a presentation without being its presenter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Delegate {
    pub link: LinkId,
    pub role: DelegateRole,
    pub token_hash: TokenHash,
    pub revoked: bool,
}

/// Where a delegate's link comes from, and the role it carries there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DelegateRole {
    /// An invite link of a contest tied to the presentation.
    Contest(Role),
    /// One of the presentation's own links.
    Presentation(LinkRole),
}

impl DelegateRole {
    /// The role's name; the two kinds of link use distinct names
    /// (`cohost`, `moderator`, `judge`; `screen`, `run`, `moderate`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Contest(role) => role.as_str(),
            Self::Presentation(role) => role.as_str(),
        }
    }

    pub fn may(self, power: Power) -> bool {
        match self {
            Self::Contest(role) => role.may(power),
            Self::Presentation(role) => role.power().includes(power),
        }
    }
}

/// What an operation on a presentation needs. Each power includes those
/// below it.
///
/// | power | presenter | co-host, run link | moderator, moderate link | screen link |
/// |---|---|---|---|---|
/// | `Own`: delete the presentation, manage its links | ✓ | | | |
/// | `Run`: slides, voting, timers, resets, result visibility, the vote list | ✓ | ✓ | | |
/// | `Moderate`: the results of any poll or round with held audience text; hide, approve, pin and answer audience text | ✓ | ✓ | ✓ | |
/// | `View`: what the big screen reads: who the holder is and the join code, the presenter channels (live results of the poll on screen), the quiz leaderboard | ✓ | ✓ | ✓ | ✓ |
///
/// A co-host runs the event but cannot delete it: the deck and its votes
/// belong to whoever holds the presenter token. A screen link only shows
/// the big screen, on a venue PC that should not be able to change the
/// show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Power {
    Own,
    Run,
    Moderate,
    View,
}

impl Power {
    pub const ALL: [Power; 4] = [Power::Own, Power::Run, Power::Moderate, Power::View];

    pub fn as_str(self) -> &'static str {
        match self {
            Power::Own => "own",
            Power::Run => "run",
            Power::Moderate => "moderate",
            Power::View => "view",
        }
    }

    /// Whether holding this power grants `needed` too.
    pub fn includes(self, needed: Power) -> bool {
        let rank = |p| match p {
            Power::View => 0,
            Power::Moderate => 1,
            Power::Run => 2,
            Power::Own => 3,
        };
        rank(self) >= rank(needed)
    }
}

impl Role {
    /// Whether a link with this role has `power` over its contest's
    /// presentation. Judges have none.
    pub fn may(self, power: Power) -> bool {
        match self {
            Role::Cohost => Power::Run.includes(power),
            Role::Moderator => Power::Moderate.includes(power),
            Role::Judge => false,
        }
    }
}

/// Who was let in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Holder {
    /// The presenter token, or anyone on a presentation open by the
    /// compatibility switch.
    Presenter,
    /// A presentation's link, or a tied contest's co-host or moderator
    /// link.
    Delegate { link: LinkId, role: DelegateRole },
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
    RoleForbidden(DelegateRole),
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
mod tests;
