//! Who may act on a presentation, and the join code.

use super::*;
use crate::links::LinkRole;

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
    use super::DelegateRole::{Contest, Presentation};
    let presenter = PresenterToken::generate();
    let [cohost, moderator, judge, revoked, run, moderate, screen, revoked_screen, stranger] =
        std::array::from_fn(|_| PresenterToken::generate());
    let delegate = |token: &PresenterToken, role, revoked| Delegate {
        link: LinkId::generate(),
        role,
        token_hash: token.hash(),
        revoked,
    };
    let mut access = access(&presenter, false);
    access.delegates = vec![
        delegate(&cohost, Contest(Role::Cohost), false),
        delegate(&moderator, Contest(Role::Moderator), false),
        delegate(&judge, Contest(Role::Judge), false),
        delegate(&revoked, Contest(Role::Cohost), true),
        delegate(&run, Presentation(LinkRole::Run), false),
        delegate(&moderate, Presentation(LinkRole::Moderate), false),
        delegate(&screen, Presentation(LinkRole::Screen), false),
        delegate(&revoked_screen, Presentation(LinkRole::Screen), true),
    ];
    use AccessDenied::{LinkRevoked, RoleForbidden, WrongToken};
    let no = |role| Err(RoleForbidden(role));
    let ok = Ok(());
    // Each caller against Own, Run, Moderate and View.
    let table: [(&PresenterToken, [Result<(), AccessDenied>; 4]); 10] = [
        (&presenter, [ok; 4]),
        (&cohost, [no(Contest(Role::Cohost)), ok, ok, ok]),
        (&run, [no(Presentation(LinkRole::Run)), ok, ok, ok]),
        (&moderator, {
            let no = no(Contest(Role::Moderator));
            [no, no, ok, ok]
        }),
        (&moderate, {
            let no = no(Presentation(LinkRole::Moderate));
            [no, no, ok, ok]
        }),
        (&screen, {
            let no = no(Presentation(LinkRole::Screen));
            [no, no, no, ok]
        }),
        (&judge, [no(Contest(Role::Judge)); 4]),
        (&revoked, [Err(LinkRevoked); 4]),
        (&revoked_screen, [Err(LinkRevoked); 4]),
        (&stranger, [Err(WrongToken); 4]),
    ];
    for (token, expected) in table {
        for (power, want) in Power::ALL.into_iter().zip(expected) {
            let got = access.authorize(Some(token), false, power).map(|_| ());
            assert_eq!(got, want, "{power:?}");
        }
    }
    let Ok(Holder::Delegate { link, role }) =
        access.authorize(Some(&moderator), false, Power::Moderate)
    else {
        panic!("the moderator is let in as a delegate");
    };
    assert_eq!(
        (link, role),
        (access.delegates[1].link, Contest(Role::Moderator))
    );
    let Ok(Holder::Delegate { link, role }) = access.authorize(Some(&screen), false, Power::View)
    else {
        panic!("the screen link is let in as a delegate");
    };
    assert_eq!(
        (link, role),
        (access.delegates[6].link, Presentation(LinkRole::Screen))
    );
}

#[test]
fn each_power_includes_those_below_it() {
    for (i, held) in Power::ALL.into_iter().enumerate() {
        for (j, needed) in Power::ALL.into_iter().enumerate() {
            // ALL is strongest first.
            assert_eq!(held.includes(needed), i <= j, "{held:?} {needed:?}");
        }
    }
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
