//! The presentation store, in memory.

use super::{FakeWorld, Stored};
use std::time::SystemTime;
use tally_domain::deck::image::{ImageId, StoredImage};
use tally_domain::deck::{DeckEdit, DeckRev, RevisedDeck};
use tally_domain::kinds::DisplayName;
use tally_domain::ports::SettingsChangeError;
use tally_domain::ports::{
    InsertPresentationError, NameChangeError, NewPresentation, PollsOnScreen, PresentationStore,
    ResetPollError, ReviseDeckError, SlideChangeError, StoreError, VotingChangeError,
};
use tally_domain::settings::{LiveSettings, Logo, PresentationSettings, SettingsPatch, StoredLogo};
use tally_domain::ParticipantId;
use tally_domain::{
    JoinCode, Poll, PollId, Presentation, PresentationId, PresentationSummary, PresenterAccess,
    PresenterId, PresenterNotes, SlideMove, SlideState, TokenHash,
};

#[derive(Clone, Debug)]
pub struct FakeStore {
    pub(super) world: FakeWorld,
}

impl FakeStore {
    pub(super) fn new(world: FakeWorld) -> Self {
        Self { world }
    }

    pub(super) fn check(&self) -> Result<(), StoreError> {
        self.world.available(StoreError)
    }

    /// Changes the presentation under the lock, bumping its version.
    fn change<E>(
        &self,
        id: PresentationId,
        not_found: E,
        apply: impl FnOnce(&mut Presentation) -> Result<(), E>,
    ) -> Result<Presentation, E>
    where
        E: From<StoreError>,
    {
        self.check()?;
        let mut state = self.world.lock();
        let stored = state.presentations.get_mut(&id).ok_or(not_found)?;
        apply(&mut stored.presentation)?;
        stored.presentation.slide.version += 1;
        Ok(stored.presentation.clone())
    }

    /// Changes the settings or the logo under the lock, bumping the
    /// settings revision and the state version.
    fn change_look(
        &self,
        id: PresentationId,
        apply: impl FnOnce(&mut Stored),
    ) -> Result<(PresentationSettings, Presentation), SettingsChangeError> {
        self.check()?;
        let mut state = self.world.lock();
        let stored = state
            .presentations
            .get_mut(&id)
            .ok_or(SettingsChangeError::NotFound)?;
        apply(stored);
        stored.settings.revision += 1;
        stored.settings.logo = stored.logo.as_ref().map(|l| l.etag.clone());
        let presentation = &mut stored.presentation;
        presentation.slide.version += 1;
        presentation.live = LiveSettings {
            revision: stored.settings.revision,
            hide_results_until_closed: stored.settings.choices.hide_results_until_closed,
        };
        Ok((stored.settings.clone(), presentation.clone()))
    }

    fn set_current_flag(
        &self,
        id: PresentationId,
        set: impl FnOnce(&mut Poll),
    ) -> Result<Presentation, VotingChangeError> {
        self.change(id, VotingChangeError::NotFound, |p| {
            let index = p.slide.index;
            set(&mut p.polls[index]);
            Ok(())
        })
    }
}

impl PresentationStore for FakeStore {
    async fn find_presenter(&self, hash: TokenHash) -> Result<Option<PresenterId>, StoreError> {
        self.check()?;
        Ok(self.world.lock().presenters.get(hash.as_bytes()).copied())
    }

    async fn create_presentation(
        &self,
        new: NewPresentation,
    ) -> Result<Presentation, InsertPresentationError> {
        self.check()?;
        let mut state = self.world.lock();
        let taken = state
            .presentations
            .values()
            .any(|s| s.presentation.join_code == new.join_code);
        if taken || self.world.refuses_join_code() {
            return Err(InsertPresentationError::JoinCodeTaken(
                new.join_code.as_str().to_owned(),
            ));
        }
        let token_hash = match new.new_presenter_token {
            Some(hash) => {
                state.presenters.insert(*hash.as_bytes(), new.presenter_id);
                hash
            }
            None => state
                .presenters
                .iter()
                .find(|(_, id)| **id == new.presenter_id)
                .map(|(hash, _)| TokenHash::from_bytes(*hash))
                .ok_or_else(|| StoreError(anyhow::anyhow!("unknown presenter")))?,
        };
        let mut polls: Vec<Poll> = new
            .draft
            .polls()
            .iter()
            .map(|draft| draft.to_poll(PollId::generate()))
            .collect();
        // The first poll is on screen from the start.
        if let Some(first) = polls.first_mut() {
            first.show(self.world.now());
        }
        let presentation = Presentation {
            id: new.id,
            presenter_id: new.presenter_id,
            join_code: new.join_code,
            slide: SlideState {
                index: 0,
                poll_count: polls.len(),
                version: 1,
            },
            polls,
            created_at: SystemTime::now(),
            profanity_filter: new.draft.profanity_filter(),
            live: LiveSettings::default(),
            deck_rev: DeckRev(1),
        };
        let access = PresenterAccess {
            presenter_id: new.presenter_id,
            token_hash,
            created_open: new.created_open,
            join_code: presentation.join_code.clone(),
            // Filled from the links when read; contests tied to the
            // presentation are the contest store's.
            delegates: Vec::new(),
        };
        let notes = presentation
            .polls
            .iter()
            .zip(new.draft.polls())
            .filter_map(|(poll, draft)| Some((poll.id, draft.notes()?.clone())))
            .collect();
        state.presentations.insert(
            new.id,
            Stored {
                presentation: presentation.clone(),
                access,
                links: Vec::new(),
                notes,
                settings: PresentationSettings::default(),
                logo: None,
                edits: Vec::new(),
            },
        );
        Ok(presentation)
    }

    async fn get(&self, id: PresentationId) -> Result<Option<Presentation>, StoreError> {
        self.check()?;
        let state = self.world.lock();
        Ok(state.presentations.get(&id).map(|s| s.presentation.clone()))
    }

    async fn close_expired(
        &self,
        id: PresentationId,
        poll: PollId,
        deadline: SystemTime,
    ) -> Result<Option<Presentation>, StoreError> {
        self.check()?;
        let now = self.world.now();
        let mut state = self.world.lock();
        let Some(stored) = state.presentations.get_mut(&id) else {
            return Ok(None);
        };
        let presentation = &mut stored.presentation;
        let closed = presentation
            .polls
            .iter_mut()
            .find(|p| p.id == poll)
            .is_some_and(|p| p.close_expired(deadline, now));
        if !closed {
            return Ok(None);
        }
        presentation.slide.version += 1;
        Ok(Some(presentation.clone()))
    }

    async fn notes(&self, id: PresentationId) -> Result<Vec<(PollId, PresenterNotes)>, StoreError> {
        self.check()?;
        let state = self.world.lock();
        Ok(state
            .presentations
            .get(&id)
            .map(|s| s.notes.clone())
            .unwrap_or_default())
    }

    async fn access(&self, id: PresentationId) -> Result<Option<PresenterAccess>, StoreError> {
        self.check()?;
        let state = self.world.lock();
        Ok(state.presentations.get(&id).map(super::links::access))
    }

    async fn find_by_join_code(&self, code: JoinCode) -> Result<Option<Presentation>, StoreError> {
        self.check()?;
        self.world
            .code_lookup(|| {
                let state = self.world.lock();
                Ok(state
                    .presentations
                    .values()
                    .find(|s| s.presentation.join_code == code)
                    .map(|s| s.presentation.clone()))
            })
            .await
    }

    async fn polls_on_screen(
        &self,
        id: PresentationId,
    ) -> Result<Option<PollsOnScreen>, StoreError> {
        self.check()?;
        let state = self.world.lock();
        Ok(state.presentations.get(&id).map(|stored| PollsOnScreen {
            polls: stored.presentation.polls.iter().map(|p| p.id).collect(),
            current: stored.presentation.current_poll().map(|p| p.id),
        }))
    }

    async fn state_versions(
        &self,
        ids: &[PresentationId],
    ) -> Result<Vec<(PresentationId, u64)>, StoreError> {
        self.check()?;
        let state = self.world.lock();
        Ok(ids
            .iter()
            .filter_map(|id| {
                let stored = state.presentations.get(id)?;
                Some((*id, stored.presentation.slide.version))
            })
            .collect())
    }

    async fn move_slide(
        &self,
        id: PresentationId,
        slide_move: SlideMove,
    ) -> Result<Presentation, SlideChangeError> {
        let now = self.world.now();
        self.change(id, SlideChangeError::NotFound, |p| {
            p.slide.index = slide_move.apply(p.slide)?;
            p.polls[p.slide.index].show(now);
            Ok(())
        })
    }

    async fn set_voting(
        &self,
        id: PresentationId,
        open: bool,
    ) -> Result<Presentation, VotingChangeError> {
        self.set_current_flag(id, |poll| poll.voting_open = open)
    }

    async fn set_timer(
        &self,
        id: PresentationId,
        seconds: u64,
    ) -> Result<Presentation, VotingChangeError> {
        let now = self.world.now();
        self.set_current_flag(id, |poll| poll.set_timer(now, seconds))
    }

    async fn set_name(
        &self,
        id: PresentationId,
        participant: ParticipantId,
        name: &DisplayName,
    ) -> Result<(), NameChangeError> {
        self.check()?;
        let mut state = self.world.lock();
        if !state.presentations.contains_key(&id) {
            return Err(NameChangeError::NotFound);
        }
        state.names.insert((id, participant), name.clone());
        Ok(())
    }

    async fn names(
        &self,
        id: PresentationId,
    ) -> Result<Vec<(ParticipantId, DisplayName)>, StoreError> {
        self.check()?;
        let state = self.world.lock();
        Ok(state
            .names
            .iter()
            .filter(|((p, _), _)| *p == id)
            .map(|((_, participant), name)| (*participant, name.clone()))
            .collect())
    }

    async fn reset_poll(
        &self,
        id: PresentationId,
        poll: PollId,
    ) -> Result<Presentation, ResetPollError> {
        let now = self.world.now();
        let presentation = self.change(id, ResetPollError::NotFound, |p| {
            let on_screen = p.current_poll().map(|c| c.id) == Some(poll);
            let target = p
                .polls
                .iter_mut()
                .find(|q| q.id == poll)
                .ok_or(ResetPollError::PollNotFound)?;
            target.reset(now, on_screen);
            Ok(())
        })?;
        // The intakes' de-duplication and the ledger are per round.
        self.world.lock().accepted.remove(&poll);
        Ok(presentation)
    }

    async fn set_results_visible(
        &self,
        id: PresentationId,
        visible: bool,
    ) -> Result<Presentation, VotingChangeError> {
        self.set_current_flag(id, |poll| poll.results_visible = visible)
    }

    async fn settings(
        &self,
        id: PresentationId,
    ) -> Result<Option<PresentationSettings>, StoreError> {
        self.check()?;
        let state = self.world.lock();
        Ok(state.presentations.get(&id).map(|s| s.settings.clone()))
    }

    async fn change_settings(
        &self,
        id: PresentationId,
        patch: SettingsPatch,
    ) -> Result<(PresentationSettings, Presentation), SettingsChangeError> {
        self.change_look(id, |stored| {
            stored.settings.choices = patch.apply(stored.settings.choices.clone());
        })
    }

    async fn set_logo(
        &self,
        id: PresentationId,
        logo: Option<Logo>,
    ) -> Result<(PresentationSettings, Presentation), SettingsChangeError> {
        self.change_look(id, |stored| {
            stored.logo = logo.map(|logo| StoredLogo {
                png: logo.png().to_vec(),
                etag: logo.etag().to_owned(),
            });
        })
    }

    async fn logo(&self, id: PresentationId) -> Result<Option<StoredLogo>, StoreError> {
        self.check()?;
        let state = self.world.lock();
        Ok(state.presentations.get(&id).and_then(|s| s.logo.clone()))
    }

    async fn revise_deck(
        &self,
        id: PresentationId,
        expected: DeckRev,
        revised: &RevisedDeck,
    ) -> Result<Presentation, ReviseDeckError> {
        self.check()?;
        let mut state = self.world.lock();
        let stored = state
            .presentations
            .get_mut(&id)
            .ok_or(ReviseDeckError::NotFound)?;
        let deck = &mut stored.presentation;
        if deck.deck_rev != expected {
            return Err(ReviseDeckError::Stale {
                current: deck.deck_rev,
            });
        }
        let on_screen = deck.current_poll().map(|p| p.id);
        if let Some(id) = on_screen.filter(|id| revised.removed.contains(id)) {
            return Err(ReviseDeckError::PollOnScreen(id));
        }
        let mut polls = Vec::with_capacity(revised.polls.len());
        let mut rounds_closed = Vec::new();
        for poll in &revised.polls {
            let mut next = poll.draft.to_poll(poll.id);
            if let Some(old) = deck.polls.iter().find(|p| p.id == poll.id) {
                next.voting_open = old.voting_open;
                next.results_visible = old.results_visible;
                next.opened_at = old.opened_at;
                next.deadline = old.deadline;
                next.round = old.round + u32::from(poll.new_round);
                if poll.new_round {
                    rounds_closed.push(old.clone());
                }
            }
            polls.push(next);
        }
        deck.slide.index = on_screen
            .and_then(|id| polls.iter().position(|p| p.id == id))
            .unwrap_or(0);
        deck.slide.poll_count = polls.len();
        deck.slide.version += 1;
        deck.polls = polls;
        deck.deck_rev = DeckRev(expected.0 + 1);
        stored.notes = revised
            .polls
            .iter()
            .filter_map(|p| Some((p.id, p.draft.notes()?.clone())))
            .collect();
        let rev = deck.deck_rev;
        stored
            .edits
            .extend(revised.edits.iter().map(|e| (rev, e.clone())));
        let presentation = deck.clone();
        // The intakes' de-duplication and the ledger are per round; a
        // removed poll goes with its votes and audience text.
        for old in rounds_closed {
            state.accepted.remove(&old.id);
            state.round_definitions.insert((old.id, old.round), old);
        }
        for poll in &revised.removed {
            state.accepted.remove(poll);
        }
        for poll in &revised.removed {
            state.stored.retain(|(id, _), _| id != poll);
            state.questions.retain(|_, q| q.poll != *poll);
            state.decisions.remove(poll);
        }
        Ok(presentation)
    }

    async fn store_image(
        &self,
        id: PresentationId,
        picture: &tally_domain::picture::Picture,
    ) -> Result<ImageId, SettingsChangeError> {
        self.check()?;
        let mut state = self.world.lock();
        if !state.presentations.contains_key(&id) {
            return Err(SettingsChangeError::NotFound);
        }
        let image = ImageId::of(picture);
        state
            .images
            .entry(image.clone())
            .or_insert_with(|| {
                (
                    StoredImage {
                        bytes: picture.bytes().to_vec(),
                        content_type: picture.content_type().to_owned(),
                        width: picture.width(),
                        height: picture.height(),
                    },
                    std::collections::BTreeMap::new(),
                )
            })
            .1
            .insert(id, std::time::SystemTime::now());
        Ok(image)
    }

    async fn sweep_images(
        &self,
        uploaded_before: std::time::SystemTime,
    ) -> Result<u64, StoreError> {
        self.check()?;
        let mut state = self.world.lock();
        let named: std::collections::HashSet<ImageId> = state
            .presentations
            .values()
            .flat_map(|p| p.presentation.polls.iter())
            .flat_map(|poll| poll.images.ids().cloned())
            .collect();
        let before = state.images.len();
        state.images.retain(|id, (_, links)| {
            named.contains(id) || links.values().any(|at| *at >= uploaded_before)
        });
        Ok(u64::try_from(before - state.images.len()).unwrap_or(u64::MAX))
    }

    async fn missing_images(&self, ids: &[ImageId]) -> Result<Vec<ImageId>, StoreError> {
        self.check()?;
        let state = self.world.lock();
        Ok(ids
            .iter()
            .filter(|id| !state.images.contains_key(id))
            .cloned()
            .collect())
    }

    async fn image(&self, image: &ImageId) -> Result<Option<StoredImage>, StoreError> {
        self.check()?;
        Ok(self.world.lock().images.get(image).map(|(i, _)| i.clone()))
    }

    async fn deck_edits(&self, id: PresentationId) -> Result<Vec<(DeckRev, DeckEdit)>, StoreError> {
        self.check()?;
        let state = self.world.lock();
        Ok(state
            .presentations
            .get(&id)
            .map(|s| s.edits.clone())
            .unwrap_or_default())
    }

    async fn delete(&self, id: PresentationId) -> Result<bool, StoreError> {
        self.check()?;
        let mut state = self.world.lock();
        let Some(stored) = state.presentations.remove(&id) else {
            return Ok(false);
        };
        for poll in &stored.presentation.polls {
            state.accepted.remove(&poll.id);
            state.stored.retain(|(id, _), _| *id != poll.id);
        }
        Ok(true)
    }

    async fn list_for_presenter(
        &self,
        presenter: PresenterId,
        before: Option<PresentationId>,
        limit: usize,
    ) -> Result<Vec<PresentationSummary>, StoreError> {
        self.check()?;
        let state = self.world.lock();
        // Ids are time-ordered, so id order is creation order.
        Ok(state
            .presentations
            .values()
            .rev()
            .map(|s| &s.presentation)
            .filter(|p| p.presenter_id == presenter && before.is_none_or(|b| p.id < b))
            .take(limit)
            .map(|p| PresentationSummary {
                id: p.id,
                join_code: p.join_code.clone(),
                slide: p.slide,
                created_at: p.created_at,
            })
            .collect())
    }
}
