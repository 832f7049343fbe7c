//! Presenter credentials and the audience's join code.

use crate::ids::PresenterId;
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
}

/// Why a caller may not act as the presenter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum AccessDenied {
    #[error("this operation needs the presenter token (Authorization: Bearer <token>)")]
    MissingToken,
    #[error("the presenter token does not grant access to this presentation")]
    WrongToken,
}

impl PresenterAccess {
    /// Decides whether `credential` lets its holder drive the presentation.
    ///
    /// `open_mode` is the compatibility switch as it is *now*. A presentation
    /// is open only when it was created without credentials under the switch
    /// and the switch is still on, so turning the switch off closes every
    /// presentation again, and turning it on never opens presentations that
    /// were created securely.
    ///
    /// # Errors
    /// [`AccessDenied`] when no token was presented or it is not this
    /// presentation's.
    pub fn authorize(
        &self,
        credential: Option<&PresenterToken>,
        open_mode: bool,
    ) -> Result<(), AccessDenied> {
        if open_mode && self.created_open {
            return Ok(());
        }
        match credential {
            None => Err(AccessDenied::MissingToken),
            Some(token) if token.hash() == self.token_hash => Ok(()),
            Some(_) => Err(AccessDenied::WrongToken),
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
        assert_eq!(access(&token, false).authorize(Some(&token), false), Ok(()));
    }

    #[test]
    fn missing_and_wrong_tokens_are_denied() {
        let token = PresenterToken::generate();
        let other = PresenterToken::generate();
        let access = access(&token, false);
        assert_eq!(
            access.authorize(None, false),
            Err(AccessDenied::MissingToken)
        );
        assert_eq!(
            access.authorize(Some(&other), false),
            Err(AccessDenied::WrongToken)
        );
        let garbage = PresenterToken::from_presented("garbage");
        assert_eq!(
            access.authorize(Some(&garbage), false),
            Err(AccessDenied::WrongToken)
        );
    }

    #[test]
    fn open_mode_opens_only_presentations_created_open() {
        let token = PresenterToken::generate();
        assert_eq!(access(&token, true).authorize(None, true), Ok(()));
        // Created securely: the switch does not open it.
        assert_eq!(
            access(&token, false).authorize(None, true),
            Err(AccessDenied::MissingToken)
        );
        // Created open, switch since turned off: closed again.
        assert_eq!(
            access(&token, true).authorize(None, false),
            Err(AccessDenied::MissingToken)
        );
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
