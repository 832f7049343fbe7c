//! The presentation links contract ([`PresentationLinks`]): links are
//! stored beside their presentation, reported with its access (hash,
//! role, revoked), revoked at once and deleted with it. Runs on the fake
//! and on Postgres.

use super::store::create_in;
use super::Adapters;
use crate::fixtures::deck;
use std::time::Duration;
use tally_domain::ports::{LinkStoreError, PresentationLinks, PresentationStore};
use tally_domain::{
    Delegate, DelegateRole, LinkId, LinkLabel, LinkRole, NewLink, PresentationId, PresentationLink,
    PresenterToken,
};

/// Expands to one `#[tokio::test]` per case of the links contract, for
/// adapters whose store keeps links.
#[macro_export]
macro_rules! links_contract_tests {
    ($make:expr) => {
        $crate::links_contract_tests!(@cases $make;
            links_are_listed_oldest_first_and_reported_with_the_access,
            an_unknown_presentation_takes_no_link,
            revoking_is_immediate_and_keeps_the_first_time,
            a_link_is_revoked_only_through_its_own_presentation,
            deleting_the_presentation_deletes_its_links,
        );
    };
    (@cases $make:expr; $($case:ident),* $(,)?) => {
        $(
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $case() {
                let adapters = $make;
                $crate::contract::links::$case(&adapters).await;
            }
        )*
    };
}

fn new_link(role: LinkRole, label: Option<&str>) -> (NewLink, PresenterToken) {
    let token = PresenterToken::generate();
    let link = NewLink {
        id: LinkId::generate(),
        role,
        label: label.map(|l| LinkLabel::parse(l).unwrap()),
        token_hash: token.hash(),
    };
    (link, token)
}

async fn add<A: Adapters>(
    adapters: &A,
    presentation: PresentationId,
    role: LinkRole,
    label: Option<&str>,
) -> (PresentationLink, PresenterToken)
where
    A::Store: PresentationLinks,
{
    let (new, token) = new_link(role, label);
    let stored = adapters.store().add_link(presentation, new.clone()).await;
    let stored = stored.expect("a link on a stored presentation");
    assert_eq!(
        (stored.id, stored.role, stored.label, stored.revoked_at),
        (new.id, new.role, new.label, None)
    );
    (
        adapters
            .store()
            .links(presentation)
            .await
            .unwrap()
            .pop()
            .unwrap(),
        token,
    )
}

/// The delegates the store reports with the presentation's access.
async fn delegates<A: Adapters>(adapters: &A, presentation: PresentationId) -> Vec<Delegate> {
    let access = adapters.store().access(presentation).await.unwrap();
    let mut delegates = access.expect("the presentation").delegates;
    delegates.sort_by_key(|d| d.link);
    delegates
}

pub async fn links_are_listed_oldest_first_and_reported_with_the_access<A: Adapters>(adapters: &A)
where
    A::Store: PresentationLinks,
{
    let p = create_in(adapters.store(), deck(1)).await;
    let other = create_in(adapters.store(), deck(1)).await;
    assert!(adapters.store().links(p.id).await.unwrap().is_empty());
    let (screen, screen_token) = add(adapters, p.id, LinkRole::Screen, Some("Hall B")).await;
    // Apart in time, so that "oldest first" is by creation.
    adapters.pass(Duration::from_millis(20)).await;
    let (run, run_token) = add(adapters, p.id, LinkRole::Run, None).await;
    adapters.pass(Duration::from_millis(20)).await;
    let (moderate, moderate_token) = add(adapters, p.id, LinkRole::Moderate, Some("Ana")).await;
    add(adapters, other.id, LinkRole::Run, None).await;

    let listed = adapters.store().links(p.id).await.unwrap();
    assert_eq!(listed, vec![screen.clone(), run.clone(), moderate.clone()]);
    assert_eq!(
        listed[0].label.as_ref().map(LinkLabel::as_str),
        Some("Hall B")
    );
    assert!(listed[0].created_at <= listed[1].created_at);
    assert!(listed[1].created_at <= listed[2].created_at);

    let mut expected = vec![
        (screen.id, LinkRole::Screen, screen_token),
        (run.id, LinkRole::Run, run_token),
        (moderate.id, LinkRole::Moderate, moderate_token),
    ];
    expected.sort_by_key(|(id, _, _)| *id);
    let reported = delegates(adapters, p.id).await;
    assert_eq!(reported.len(), 3, "only this presentation's links");
    for (delegate, (id, role, token)) in reported.iter().zip(&expected) {
        assert_eq!(delegate.link, *id);
        assert_eq!(delegate.role, DelegateRole::Presentation(*role));
        assert_eq!(delegate.token_hash, token.hash());
        assert!(!delegate.revoked);
    }
}

pub async fn an_unknown_presentation_takes_no_link<A: Adapters>(adapters: &A)
where
    A::Store: PresentationLinks,
{
    let unknown = PresentationId::generate();
    let (new, _) = new_link(LinkRole::Screen, None);
    assert!(matches!(
        adapters.store().add_link(unknown, new).await,
        Err(LinkStoreError::NotFound)
    ));
    assert!(adapters.store().links(unknown).await.unwrap().is_empty());
    assert!(matches!(
        adapters
            .store()
            .revoke_link(unknown, LinkId::generate())
            .await,
        Err(LinkStoreError::LinkNotFound)
    ));
}

pub async fn revoking_is_immediate_and_keeps_the_first_time<A: Adapters>(adapters: &A)
where
    A::Store: PresentationLinks,
{
    let p = create_in(adapters.store(), deck(1)).await;
    let (kept, _) = add(adapters, p.id, LinkRole::Run, None).await;
    let (gone, _) = add(adapters, p.id, LinkRole::Screen, Some("Foyer")).await;
    adapters.pass(Duration::from_millis(20)).await;
    let revoked = adapters.store().revoke_link(p.id, gone.id).await.unwrap();
    let at = revoked.revoked_at.expect("revoked");
    assert!(at >= gone.created_at);
    assert_eq!(
        (revoked.id, revoked.role, revoked.label.clone()),
        (gone.id, gone.role, gone.label.clone())
    );
    let revoked_now: Vec<(LinkId, bool)> = delegates(adapters, p.id)
        .await
        .iter()
        .map(|d| (d.link, d.revoked))
        .collect();
    let mut expected = vec![(kept.id, false), (gone.id, true)];
    expected.sort();
    assert_eq!(
        revoked_now, expected,
        "the access reports it revoked at once"
    );

    adapters.pass(Duration::from_millis(20)).await;
    let again = adapters.store().revoke_link(p.id, gone.id).await.unwrap();
    assert_eq!(
        again.revoked_at,
        Some(at),
        "the first revocation's time stays"
    );
    let listed = adapters.store().links(p.id).await.unwrap();
    assert_eq!(listed, vec![kept, again]);
}

pub async fn a_link_is_revoked_only_through_its_own_presentation<A: Adapters>(adapters: &A)
where
    A::Store: PresentationLinks,
{
    let p = create_in(adapters.store(), deck(1)).await;
    let other = create_in(adapters.store(), deck(1)).await;
    let (link, _) = add(adapters, p.id, LinkRole::Moderate, None).await;
    assert!(matches!(
        adapters.store().revoke_link(other.id, link.id).await,
        Err(LinkStoreError::LinkNotFound)
    ));
    assert!(matches!(
        adapters.store().revoke_link(p.id, LinkId::generate()).await,
        Err(LinkStoreError::LinkNotFound)
    ));
    assert_eq!(adapters.store().links(p.id).await.unwrap(), vec![link]);
    assert!(delegates(adapters, p.id).await.iter().all(|d| !d.revoked));
}

pub async fn deleting_the_presentation_deletes_its_links<A: Adapters>(adapters: &A)
where
    A::Store: PresentationLinks,
{
    let p = create_in(adapters.store(), deck(1)).await;
    let (link, _) = add(adapters, p.id, LinkRole::Screen, None).await;
    assert!(adapters.store().delete(p.id).await.unwrap());
    assert!(adapters.store().links(p.id).await.unwrap().is_empty());
    assert!(matches!(
        adapters.store().revoke_link(p.id, link.id).await,
        Err(LinkStoreError::LinkNotFound)
    ));
    let (new, _) = new_link(LinkRole::Run, None);
    assert!(matches!(
        adapters.store().add_link(p.id, new).await,
        Err(LinkStoreError::NotFound)
    ));
}
