//! The settings use cases on the in-memory fakes: who may change them,
//! that every change is told to the live channels, what a read carries.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use tally_domain::kinds::{PollType, SettingsDraft};
use tally_domain::presenter::AccessDenied;
use tally_domain::settings::{Colour, Logo, ScreenLocale, SettingsPatch};
use tally_domain::usecases::{ChangeSettingsError, ReadSettingsError, SetLogoError, Tally};
use tally_domain::{PresentationId, PresenterToken};
use tally_testkit::fakes::{FakePorts, FakeWorld, Told};
use tally_testkit::fixtures::{deck, one, typed};

fn logo() -> Logo {
    let mut png = Vec::new();
    image::DynamicImage::ImageRgb8(image::RgbImage::new(2, 2))
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    Logo::from_upload(&png).unwrap()
}

fn locale(l: ScreenLocale) -> SettingsPatch {
    SettingsPatch {
        locale: Some(l),
        ..SettingsPatch::default()
    }
}

async fn created(tally: &Tally<FakePorts>) -> (PresentationId, PresenterToken) {
    let c = tally.create_presentation(deck(2), None).await.unwrap();
    (c.presentation.id, c.presenter_token)
}

#[tokio::test]
async fn a_change_needs_the_token_and_is_told_to_the_live_channels() {
    let world = FakeWorld::new();
    let (tally, events, _) = world.tally(false);
    let (id, token) = created(&tally).await;
    assert!(matches!(
        tally
            .change_settings(id, None, locale(ScreenLocale::De))
            .await,
        Err(ChangeSettingsError::Denied(AccessDenied::MissingToken))
    ));
    assert!(matches!(
        tally
            .change_settings(
                id,
                Some(&PresenterToken::generate()),
                locale(ScreenLocale::De)
            )
            .await,
        Err(ChangeSettingsError::Denied(AccessDenied::WrongToken))
    ));
    assert_eq!(events.told().len(), 1, "only the creation");
    let view = tally
        .change_settings(id, Some(&token), locale(ScreenLocale::De))
        .await
        .unwrap();
    assert_eq!(view.settings.choices.locale, ScreenLocale::De);
    assert_eq!(view.settings.revision, 1);
    assert_eq!(
        events.told().last(),
        Some(&Told::Changed { id, version: 2 })
    );
    assert!(matches!(
        tally
            .change_settings(
                PresentationId::generate(),
                Some(&token),
                SettingsPatch::default()
            )
            .await,
        Err(ChangeSettingsError::NotFound)
    ));
}

#[tokio::test]
async fn a_read_carries_the_palette_and_the_deck_s_qa_poll() {
    let world = FakeWorld::new();
    let (tally, _, _) = world.tally(false);
    let (id, token) = created(&tally).await;
    let fresh = tally.presentation_settings(id).await.unwrap();
    assert_eq!(fresh.qa_poll, None);
    assert!(fresh.palette.warnings.is_empty());
    let faint = SettingsPatch {
        accent: Some(Colour::parse("#eeeeee").unwrap()),
        ..SettingsPatch::default()
    };
    tally
        .change_settings(id, Some(&token), faint)
        .await
        .unwrap();
    let read = tally.presentation_settings(id).await.unwrap();
    assert_eq!(read.palette.warnings.len(), 1);
    assert_ne!(read.palette.accent, read.settings.choices.accent);

    let qa = tally
        .create_presentation(
            one(typed("Ask", PollType::Qa, &[], SettingsDraft::default())),
            None,
        )
        .await
        .unwrap();
    let view = tally
        .presentation_settings(qa.presentation.id)
        .await
        .unwrap();
    assert_eq!(view.qa_poll, Some(qa.presentation.polls[0].id));
    assert!(matches!(
        tally
            .presentation_settings(PresentationId::generate())
            .await,
        Err(ReadSettingsError::NotFound)
    ));
}

#[tokio::test]
async fn the_logo_needs_the_token_and_its_changes_are_told() {
    let world = FakeWorld::new();
    let (tally, events, _) = world.tally(false);
    let (id, token) = created(&tally).await;
    assert!(matches!(
        tally.may_set_logo(id, None).await,
        Err(SetLogoError::Denied(AccessDenied::MissingToken))
    ));
    assert!(matches!(
        tally.set_logo(id, None, Some(logo())).await,
        Err(SetLogoError::Denied(_))
    ));
    tally.may_set_logo(id, Some(&token)).await.unwrap();
    let view = tally
        .set_logo(id, Some(&token), Some(logo()))
        .await
        .unwrap();
    assert_eq!(view.settings.logo.as_deref(), Some(logo().etag()));
    assert_eq!(tally.logo(id).await.unwrap().unwrap().png, logo().png());
    let removed = tally.set_logo(id, Some(&token), None).await.unwrap();
    assert_eq!(removed.settings.logo, None);
    assert_eq!(tally.logo(id).await.unwrap(), None);
    assert_eq!(
        events.told().last(),
        Some(&Told::Changed { id, version: 3 })
    );
}

#[tokio::test]
async fn hiding_results_until_closed_reaches_the_presentation_s_gate() {
    let world = FakeWorld::new();
    let (tally, _, _) = world.tally(false);
    let (id, token) = created(&tally).await;
    let shown = tally
        .set_results_visible(id, Some(&token), true)
        .await
        .unwrap();
    let now = std::time::SystemTime::now();
    assert!(shown.results_gate().open_at(now));
    let held = SettingsPatch {
        hide_results_until_closed: Some(true),
        ..SettingsPatch::default()
    };
    tally.change_settings(id, Some(&token), held).await.unwrap();
    let p = tally
        .set_results_visible(id, Some(&token), true)
        .await
        .unwrap();
    assert!(!p.results_gate().open_at(now));
    assert!(p.results_gate().held_at(now));
    let closed = tally.set_voting(id, Some(&token), false).await.unwrap();
    assert!(closed.results_gate().open_at(now));
}
