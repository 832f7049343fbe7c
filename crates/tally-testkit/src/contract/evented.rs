//! A store that tells its subscribers after every change, as the use cases
//! do: for contract harnesses that drive adapters directly and need the
//! subscribers (the Redis mirror) to follow, as they do in production.

use tally_domain::ports::{
    InsertPresentationError, NewPresentation, PollsOnScreen, PresentationEvents, PresentationStore,
    ResetPollError, SettingsChangeError, SlideChangeError, StoreError, VotingChangeError,
};
use tally_domain::{
    JoinCode, PollId, Presentation, PresentationId, PresentationSummary, PresenterAccess,
    PresenterId, SlideMove, TokenHash,
};

/// `inner`, with `events` told of each committed change.
#[derive(Clone, Debug)]
pub struct EventedStore<S: PresentationStore, E: PresentationEvents> {
    pub inner: S,
    pub events: E,
}

impl<S: PresentationStore, E: PresentationEvents> EventedStore<S, E> {
    async fn told(&self, presentation: Presentation) -> Presentation {
        self.events.changed(&presentation).await;
        presentation
    }
}

impl<S: PresentationStore, E: PresentationEvents> PresentationStore for EventedStore<S, E> {
    async fn find_presenter(&self, hash: TokenHash) -> Result<Option<PresenterId>, StoreError> {
        self.inner.find_presenter(hash).await
    }

    async fn create_presentation(
        &self,
        new: NewPresentation,
    ) -> Result<Presentation, InsertPresentationError> {
        Ok(self.told(self.inner.create_presentation(new).await?).await)
    }

    async fn get(&self, id: PresentationId) -> Result<Option<Presentation>, StoreError> {
        self.inner.get(id).await
    }

    async fn close_expired(
        &self,
        id: PresentationId,
        poll: tally_domain::PollId,
        deadline: std::time::SystemTime,
    ) -> Result<Option<Presentation>, StoreError> {
        match self.inner.close_expired(id, poll, deadline).await? {
            Some(presentation) => Ok(Some(self.told(presentation).await)),
            None => Ok(None),
        }
    }

    async fn notes(
        &self,
        id: PresentationId,
    ) -> Result<Vec<(tally_domain::PollId, tally_domain::PresenterNotes)>, StoreError> {
        self.inner.notes(id).await
    }

    async fn access(&self, id: PresentationId) -> Result<Option<PresenterAccess>, StoreError> {
        self.inner.access(id).await
    }

    async fn find_by_join_code(&self, code: JoinCode) -> Result<Option<Presentation>, StoreError> {
        self.inner.find_by_join_code(code).await
    }

    async fn polls_on_screen(
        &self,
        id: PresentationId,
    ) -> Result<Option<PollsOnScreen>, StoreError> {
        self.inner.polls_on_screen(id).await
    }

    async fn state_versions(
        &self,
        ids: &[PresentationId],
    ) -> Result<Vec<(PresentationId, u64)>, StoreError> {
        self.inner.state_versions(ids).await
    }

    async fn move_slide(
        &self,
        id: PresentationId,
        slide_move: SlideMove,
    ) -> Result<Presentation, SlideChangeError> {
        Ok(self
            .told(self.inner.move_slide(id, slide_move).await?)
            .await)
    }

    async fn set_voting(
        &self,
        id: PresentationId,
        open: bool,
    ) -> Result<Presentation, VotingChangeError> {
        Ok(self.told(self.inner.set_voting(id, open).await?).await)
    }

    async fn set_name(
        &self,
        id: PresentationId,
        participant: tally_domain::ParticipantId,
        name: &tally_domain::kinds::DisplayName,
    ) -> Result<(), tally_domain::ports::NameChangeError> {
        self.inner.set_name(id, participant, name).await
    }

    async fn names(
        &self,
        id: PresentationId,
    ) -> Result<
        Vec<(
            tally_domain::ParticipantId,
            tally_domain::kinds::DisplayName,
        )>,
        StoreError,
    > {
        self.inner.names(id).await
    }

    async fn reset_poll(
        &self,
        id: PresentationId,
        poll: PollId,
    ) -> Result<Presentation, ResetPollError> {
        Ok(self.told(self.inner.reset_poll(id, poll).await?).await)
    }

    async fn revise_deck(
        &self,
        id: PresentationId,
        expected: tally_domain::deck::DeckRev,
        revised: &tally_domain::deck::RevisedDeck,
    ) -> Result<Presentation, tally_domain::ports::ReviseDeckError> {
        Ok(self
            .told(self.inner.revise_deck(id, expected, revised).await?)
            .await)
    }

    async fn store_image(
        &self,
        id: PresentationId,
        picture: &tally_domain::picture::Picture,
    ) -> Result<tally_domain::deck::image::ImageId, SettingsChangeError> {
        self.inner.store_image(id, picture).await
    }

    async fn missing_images(
        &self,
        ids: &[tally_domain::deck::image::ImageId],
    ) -> Result<Vec<tally_domain::deck::image::ImageId>, StoreError> {
        self.inner.missing_images(ids).await
    }

    async fn sweep_images(
        &self,
        uploaded_before: std::time::SystemTime,
    ) -> Result<u64, StoreError> {
        self.inner.sweep_images(uploaded_before).await
    }

    async fn image(
        &self,
        image: &tally_domain::deck::image::ImageId,
    ) -> Result<Option<tally_domain::deck::image::StoredImage>, StoreError> {
        self.inner.image(image).await
    }

    async fn deck_edits(
        &self,
        id: PresentationId,
    ) -> Result<Vec<(tally_domain::deck::DeckRev, tally_domain::deck::DeckEdit)>, StoreError> {
        self.inner.deck_edits(id).await
    }

    async fn set_timer(
        &self,
        id: PresentationId,
        seconds: u64,
    ) -> Result<Presentation, VotingChangeError> {
        Ok(self.told(self.inner.set_timer(id, seconds).await?).await)
    }

    async fn set_results_visible(
        &self,
        id: PresentationId,
        visible: bool,
    ) -> Result<Presentation, VotingChangeError> {
        Ok(self
            .told(self.inner.set_results_visible(id, visible).await?)
            .await)
    }

    async fn delete(&self, id: PresentationId) -> Result<bool, StoreError> {
        let deleted = self.inner.delete(id).await?;
        if deleted {
            self.events.deleted(id).await;
        }
        Ok(deleted)
    }

    async fn list_for_presenter(
        &self,
        presenter: PresenterId,
        before: Option<PresentationId>,
        limit: usize,
    ) -> Result<Vec<PresentationSummary>, StoreError> {
        self.inner
            .list_for_presenter(presenter, before, limit)
            .await
    }

    async fn settings(
        &self,
        id: PresentationId,
    ) -> Result<Option<tally_domain::settings::PresentationSettings>, StoreError> {
        self.inner.settings(id).await
    }

    async fn change_settings(
        &self,
        id: PresentationId,
        patch: tally_domain::settings::SettingsPatch,
    ) -> Result<(tally_domain::settings::PresentationSettings, Presentation), SettingsChangeError>
    {
        let (settings, presentation) = self.inner.change_settings(id, patch).await?;
        Ok((settings, self.told(presentation).await))
    }

    async fn set_logo(
        &self,
        id: PresentationId,
        logo: Option<tally_domain::settings::Logo>,
    ) -> Result<(tally_domain::settings::PresentationSettings, Presentation), SettingsChangeError>
    {
        let (settings, presentation) = self.inner.set_logo(id, logo).await?;
        Ok((settings, self.told(presentation).await))
    }

    async fn logo(
        &self,
        id: PresentationId,
    ) -> Result<Option<tally_domain::settings::StoredLogo>, StoreError> {
        self.inner.logo(id).await
    }
}
