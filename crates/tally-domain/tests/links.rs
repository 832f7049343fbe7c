//! A presentation's links for other people, on the fakes: only the
//! presenter's own token manages them, each link acts within its role, and
//! a revoked one is refused from the next request on.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use tally_domain::usecases::{
    CreateLinkError, DeletePresentationError, ListLinksError, MoveSlideError, PollResultsError,
    RevokeLinkError, SetVotingError, Tally,
};
use tally_domain::{
    AccessDenied, DelegateRole, Holder, LinkId, LinkRole, Presentation, PresentationId,
    PresenterToken, SlideMove,
};
use tally_testkit::fakes::{FakePorts, FakeWorld};
use tally_testkit::fixtures::deck;

async fn created(tally: &Tally<FakePorts>) -> (Presentation, PresenterToken) {
    let created = tally.create_presentation(deck(3), None).await.unwrap();
    (created.presentation, created.presenter_token)
}

async fn link(
    tally: &Tally<FakePorts>,
    p: &Presentation,
    owner: &PresenterToken,
    role: &str,
) -> (LinkId, PresenterToken) {
    let (made, token) = tally
        .create_link(p.id, Some(owner), role, None)
        .await
        .unwrap();
    (made.id, token)
}

fn forbidden(role: LinkRole) -> AccessDenied {
    AccessDenied::RoleForbidden(DelegateRole::Presentation(role))
}

#[tokio::test]
async fn each_role_holds_its_power_and_no_more() {
    let world = FakeWorld::new();
    let (tally, _, _) = world.tally(false);
    let (p, owner) = created(&tally).await;
    let (screen_id, screen) = link(&tally, &p, &owner, "screen").await;
    let (_, run) = link(&tally, &p, &owner, "run").await;
    let (_, moderate) = link(&tally, &p, &owner, "moderate").await;

    for (token, role) in [
        (&screen, LinkRole::Screen),
        (&run, LinkRole::Run),
        (&moderate, LinkRole::Moderate),
    ] {
        let (holder, code) = tally.presentation_holder(p.id, Some(token)).await.unwrap();
        assert!(matches!(
            holder,
            Holder::Delegate { role: DelegateRole::Presentation(r), .. } if r == role
        ));
        assert_eq!(code, p.join_code);
        // What the big screen follows and reads.
        tally.authorize_presenter(p.id, Some(token)).await.unwrap();
        tally.leaderboard(p.id, Some(token)).await.unwrap();
    }
    let (holder, _) = tally
        .presentation_holder(p.id, Some(&screen))
        .await
        .unwrap();
    assert_eq!(
        holder,
        Holder::Delegate {
            link: screen_id,
            role: DelegateRole::Presentation(LinkRole::Screen)
        }
    );

    // Moderating: not the screen.
    let poll = p.polls[0].id;
    assert!(matches!(
        tally.poll_results(p.id, poll, Some(&screen), None).await,
        Err(PollResultsError::Denied(d)) if d == forbidden(LinkRole::Screen)
    ));
    tally
        .poll_results(p.id, poll, Some(&moderate), None)
        .await
        .unwrap();
    // Running: only the run link.
    for (token, role) in [(&screen, LinkRole::Screen), (&moderate, LinkRole::Moderate)] {
        assert!(matches!(
            tally.move_slide(p.id, Some(token), SlideMove::Next).await,
            Err(MoveSlideError::Denied(d)) if d == forbidden(role)
        ));
        assert!(matches!(
            tally.set_voting(p.id, Some(token), false).await,
            Err(SetVotingError::Denied(d)) if d == forbidden(role)
        ));
    }
    let moved = tally
        .move_slide(p.id, Some(&run), SlideMove::Next)
        .await
        .unwrap();
    assert_eq!(moved.slide.index, 1);
    // Owning: the presenter alone.
    for (token, role) in [
        (&screen, LinkRole::Screen),
        (&moderate, LinkRole::Moderate),
        (&run, LinkRole::Run),
    ] {
        assert!(matches!(
            tally.create_link(p.id, Some(token), "run", None).await,
            Err(CreateLinkError::Denied(d)) if d == forbidden(role)
        ));
        assert!(matches!(
            tally.links(p.id, Some(token)).await,
            Err(ListLinksError::Denied(d)) if d == forbidden(role)
        ));
        assert!(matches!(
            tally.revoke_link(p.id, Some(token), screen_id).await,
            Err(RevokeLinkError::Denied(d)) if d == forbidden(role)
        ));
        assert!(matches!(
            tally.delete_presentation(p.id, Some(token)).await,
            Err(DeletePresentationError::Denied(d)) if d == forbidden(role)
        ));
    }
    assert_eq!(tally.links(p.id, Some(&owner)).await.unwrap().len(), 3);
}

#[tokio::test]
async fn a_revoked_link_is_refused_from_the_next_request_on() {
    let world = FakeWorld::new();
    let (tally, _, _) = world.tally(false);
    let (p, owner) = created(&tally).await;
    let (run_id, run) = link(&tally, &p, &owner, "run").await;
    let (_, screen) = link(&tally, &p, &owner, "screen").await;
    tally
        .move_slide(p.id, Some(&run), SlideMove::Next)
        .await
        .unwrap();

    let revoked = tally.revoke_link(p.id, Some(&owner), run_id).await.unwrap();
    let at = revoked.revoked_at.expect("revoked");
    assert!(matches!(
        tally.move_slide(p.id, Some(&run), SlideMove::Next).await,
        Err(MoveSlideError::Denied(AccessDenied::LinkRevoked))
    ));
    assert!(matches!(
        tally.authorize_presenter(p.id, Some(&run)).await,
        Err(PollResultsError::Denied(AccessDenied::LinkRevoked))
    ));
    // The other link still works; revoking again keeps the first time.
    tally
        .authorize_presenter(p.id, Some(&screen))
        .await
        .unwrap();
    let again = tally.revoke_link(p.id, Some(&owner), run_id).await.unwrap();
    assert_eq!(again.revoked_at, Some(at));
    assert!(matches!(
        tally
            .revoke_link(p.id, Some(&owner), LinkId::generate())
            .await,
        Err(RevokeLinkError::LinkNotFound)
    ));
}

#[tokio::test]
async fn what_cannot_be_a_link_is_refused_and_nothing_is_stored() {
    let world = FakeWorld::new();
    let (tally, _, _) = world.tally(false);
    let (p, owner) = created(&tally).await;
    let (other, other_owner) = created(&tally).await;
    for role in ["owner", "cohost", "Screen", ""] {
        assert!(matches!(
            tally.create_link(p.id, Some(&owner), role, None).await,
            Err(CreateLinkError::InvalidRole)
        ));
    }
    for label in ["", "   ", "two\nlines", &"x".repeat(81)] {
        assert!(matches!(
            tally
                .create_link(p.id, Some(&owner), "screen", Some(label))
                .await,
            Err(CreateLinkError::InvalidLabel(_))
        ));
    }
    assert!(tally.links(p.id, Some(&owner)).await.unwrap().is_empty());
    // A stranger is refused before the role is looked at.
    assert!(matches!(
        tally.create_link(p.id, None, "owner", None).await,
        Err(CreateLinkError::Denied(AccessDenied::MissingToken))
    ));
    assert!(matches!(
        tally
            .create_link(p.id, Some(&other_owner), "screen", None)
            .await,
        Err(CreateLinkError::Denied(AccessDenied::WrongToken))
    ));
    // Another presentation's link does not open this one, nor can its id
    // be revoked through it.
    let (foreign_id, foreign) = link(&tally, &other, &other_owner, "run").await;
    assert!(matches!(
        tally.presentation_holder(p.id, Some(&foreign)).await,
        Err(tally_domain::usecases::PresenterCheckError::Denied(
            AccessDenied::WrongToken
        ))
    ));
    assert!(matches!(
        tally.revoke_link(p.id, Some(&owner), foreign_id).await,
        Err(RevokeLinkError::LinkNotFound)
    ));
    assert!(matches!(
        tally.links(PresentationId::generate(), Some(&owner)).await,
        Err(ListLinksError::NotFound)
    ));
    let (made, token) = tally
        .create_link(p.id, Some(&owner), "screen", Some("  Hall B "))
        .await
        .unwrap();
    assert_eq!(made.label.unwrap().as_str(), "Hall B");
    assert!(token.expose().starts_with("tly_"));
}

#[tokio::test]
async fn a_failing_store_is_unavailable_not_a_refusal() {
    let world = FakeWorld::new();
    let (tally, _, _) = world.tally(false);
    let (p, owner) = created(&tally).await;
    world.fail(true);
    assert!(matches!(
        tally.create_link(p.id, Some(&owner), "screen", None).await,
        Err(CreateLinkError::Unavailable(_))
    ));
    assert!(matches!(
        tally.links(p.id, Some(&owner)).await,
        Err(ListLinksError::Unavailable(_))
    ));
}
