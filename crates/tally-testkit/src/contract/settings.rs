//! The presentation store's settings and logo (part of the presentation
//! store contract).

use super::store::create;
use super::Adapters;
use crate::fixtures::deck;
use tally_domain::ports::{PresentationStore, SettingsChangeError};
use tally_domain::settings::{
    Colour, Logo, PresentationSettings, ScreenLocale, SettingsPatch, Title, TypeScale,
};
use tally_domain::PresentationId;

/// A tiny real PNG, made by the domain's own encoder path.
fn logo(shade: u8) -> Logo {
    let mut png = Vec::new();
    image::DynamicImage::ImageRgb8(image::RgbImage::from_pixel(3, 2, image::Rgb([shade, 0, 0])))
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    Logo::from_upload(&png).unwrap()
}

pub async fn settings_start_at_the_defaults<A: Adapters>(adapters: &A) {
    let store = adapters.store();
    let (p, _) = create(adapters, deck(2)).await;
    assert_eq!(
        store.settings(p.id).await.unwrap(),
        Some(PresentationSettings::default())
    );
    assert_eq!(p.live.revision, 0);
    assert!(!p.live.hide_results_until_closed);
    assert_eq!(
        store.settings(PresentationId::generate()).await.unwrap(),
        None
    );
    assert_eq!(store.logo(p.id).await.unwrap(), None);
}

pub async fn a_patch_changes_what_it_names_and_bumps_both_versions<A: Adapters>(adapters: &A) {
    let store = adapters.store();
    let (p, _) = create(adapters, deck(2)).await;
    let (first, after) = store
        .change_settings(
            p.id,
            SettingsPatch {
                title: Some(Title::parse("Town hall").unwrap()),
                locale: Some(ScreenLocale::Ar),
                hide_results_until_closed: Some(true),
                accent: Some(Colour::parse("#ff8800").unwrap()),
                type_scale: Some(TypeScale::parse(1.25).unwrap()),
                ..SettingsPatch::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(first.revision, 1);
    assert_eq!(first.choices.title.as_ref().unwrap().as_str(), "Town hall");
    assert_eq!(first.choices.locale, ScreenLocale::Ar);
    assert_eq!(first.choices.type_scale.hundredths(), 125);
    assert_eq!(first.choices.background, Colour::DEFAULT_BACKGROUND);
    assert!(after.slide.version > p.slide.version);
    assert_eq!(after.live.revision, 1);
    assert!(after.live.hide_results_until_closed);
    assert_eq!(store.settings(p.id).await.unwrap(), Some(first.clone()));
    assert_eq!(store.get(p.id).await.unwrap().unwrap().live, after.live);

    // Only what the second patch names changes.
    let (second, again) = store
        .change_settings(
            p.id,
            SettingsPatch {
                title: Some(None),
                qa_always_open: Some(true),
                ..SettingsPatch::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(second.revision, 2);
    assert_eq!(second.choices.title, None);
    assert!(second.choices.qa_always_open);
    assert_eq!(second.choices.locale, ScreenLocale::Ar);
    assert_eq!(second.choices.accent, first.choices.accent);
    assert!(again.slide.version > after.slide.version);
}

pub async fn concurrent_patches_both_apply<A: Adapters>(adapters: &A) {
    let store = adapters.store();
    let (p, _) = create(adapters, deck(1)).await;
    let a = store.change_settings(
        p.id,
        SettingsPatch {
            locale: Some(ScreenLocale::De),
            ..SettingsPatch::default()
        },
    );
    let b = store.change_settings(
        p.id,
        SettingsPatch {
            qa_always_open: Some(true),
            ..SettingsPatch::default()
        },
    );
    let (a, b) = futures::join!(a, b);
    let revisions = [a.unwrap().0.revision, b.unwrap().0.revision];
    assert!(
        revisions.contains(&1) && revisions.contains(&2),
        "{revisions:?}"
    );
    let now = store.settings(p.id).await.unwrap().unwrap();
    assert_eq!(now.choices.locale, ScreenLocale::De);
    assert!(now.choices.qa_always_open);
}

pub async fn logos_are_stored_replaced_and_removed<A: Adapters>(adapters: &A) {
    let store = adapters.store();
    let (p, _) = create(adapters, deck(1)).await;
    let red = logo(200);
    let (with, _) = store.set_logo(p.id, Some(red.clone())).await.unwrap();
    assert_eq!(with.logo.as_deref(), Some(red.etag()));
    assert_eq!(with.revision, 1);
    let stored = store.logo(p.id).await.unwrap().unwrap();
    assert_eq!((&stored.png[..], &stored.etag[..]), (red.png(), red.etag()));

    // Choices and logo leave each other alone.
    let (patched, _) = store
        .change_settings(
            p.id,
            SettingsPatch {
                locale: Some(ScreenLocale::Fr),
                ..SettingsPatch::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(patched.logo.as_deref(), Some(red.etag()));
    let dark = logo(20);
    assert_ne!(dark.etag(), red.etag());
    let (replaced, _) = store.set_logo(p.id, Some(dark.clone())).await.unwrap();
    assert_eq!(replaced.logo.as_deref(), Some(dark.etag()));
    assert_eq!(replaced.choices.locale, ScreenLocale::Fr);
    assert_eq!(store.logo(p.id).await.unwrap().unwrap().png, dark.png());

    let (removed, after) = store.set_logo(p.id, None).await.unwrap();
    assert_eq!(removed.logo, None);
    assert_eq!(removed.revision, 4);
    assert_eq!(after.live.revision, 4);
    assert_eq!(store.logo(p.id).await.unwrap(), None);
    // Removing none is not an error.
    store.set_logo(p.id, None).await.unwrap();
}

pub async fn changes_to_unknown_or_deleted_presentations_are_not_found<A: Adapters>(adapters: &A) {
    let store = adapters.store();
    let unknown = PresentationId::generate();
    assert!(matches!(
        store
            .change_settings(unknown, SettingsPatch::default())
            .await,
        Err(SettingsChangeError::NotFound)
    ));
    assert!(matches!(
        store.set_logo(unknown, Some(logo(1))).await,
        Err(SettingsChangeError::NotFound)
    ));
    let (p, _) = create(adapters, deck(1)).await;
    store.set_logo(p.id, Some(logo(1))).await.unwrap();
    assert!(store.delete(p.id).await.unwrap());
    assert_eq!(store.settings(p.id).await.unwrap(), None);
    assert_eq!(store.logo(p.id).await.unwrap(), None);
    assert!(matches!(
        store.change_settings(p.id, SettingsPatch::default()).await,
        Err(SettingsChangeError::NotFound)
    ));
}
