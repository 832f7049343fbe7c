use crate::health::RedisHealth;
use crate::mirror::Rebuilder;
use tally_domain::ports::{
    InsertPresentationError, NewPresentation, PresentationStore, SlideChangeError, StoreError,
    VoteLedger, VotingChangeError,
};
use tally_domain::{
    JoinCode, Presentation, PresentationId, PresentationSummary, PresenterAccess, PresenterId,
    SlideMove, TokenHash,
};

/// The presentation store with every committed change mirrored to Redis.
///
/// Postgres commits first; then the mirror is updated, version-guarded, so
/// concurrent changes from several processes settle on the newest state. A
/// change to a presentation whose mirror is gone (retired while idle, or lost
/// with Redis data) rebuilds it with its votes before it takes votes again.
/// If Redis cannot be told, this process stops using it (votes go straight
/// to Postgres, which is always right) until recovery re-mirrors from
/// Postgres. A presenter's request never fails because of Redis.
#[derive(Clone, Debug)]
pub struct MirroredStore<S: PresentationStore, L: VoteLedger> {
    inner: S,
    rebuilder: Rebuilder<S, L>,
    health: RedisHealth,
}

impl<S: PresentationStore, L: VoteLedger> MirroredStore<S, L> {
    /// `inner` is the store of record; `rebuilder` reads the votes of a
    /// mirror that must be rebuilt.
    pub fn new(inner: S, rebuilder: Rebuilder<S, L>, health: RedisHealth) -> Self {
        Self {
            inner,
            rebuilder,
            health,
        }
    }

    async fn mirror(&self, presentation: &Presentation) {
        if !self.health.is_up() {
            return;
        }
        if let Err(e) = self.rebuilder.refresh(presentation, false).await {
            self.health.mark_down(&format!("mirroring a change: {e:#}"));
        }
    }
}

impl<S: PresentationStore, L: VoteLedger> PresentationStore for MirroredStore<S, L> {
    async fn find_presenter(
        &self,
        token_hash: TokenHash,
    ) -> Result<Option<PresenterId>, StoreError> {
        self.inner.find_presenter(token_hash).await
    }

    async fn create_presentation(
        &self,
        new: NewPresentation,
    ) -> Result<Presentation, InsertPresentationError> {
        let presentation = self.inner.create_presentation(new).await?;
        self.mirror(&presentation).await;
        Ok(presentation)
    }

    async fn get(&self, id: PresentationId) -> Result<Option<Presentation>, StoreError> {
        self.inner.get(id).await
    }

    async fn access(&self, id: PresentationId) -> Result<Option<PresenterAccess>, StoreError> {
        self.inner.access(id).await
    }

    async fn find_by_join_code(&self, code: JoinCode) -> Result<Option<Presentation>, StoreError> {
        self.inner.find_by_join_code(code).await
    }

    async fn move_slide(
        &self,
        id: PresentationId,
        slide_move: SlideMove,
    ) -> Result<Presentation, SlideChangeError> {
        let presentation = self.inner.move_slide(id, slide_move).await?;
        self.mirror(&presentation).await;
        Ok(presentation)
    }

    async fn set_voting(
        &self,
        id: PresentationId,
        open: bool,
    ) -> Result<Presentation, VotingChangeError> {
        let presentation = self.inner.set_voting(id, open).await?;
        self.mirror(&presentation).await;
        Ok(presentation)
    }

    async fn set_results_visible(
        &self,
        id: PresentationId,
        visible: bool,
    ) -> Result<Presentation, VotingChangeError> {
        let presentation = self.inner.set_results_visible(id, visible).await?;
        self.mirror(&presentation).await;
        Ok(presentation)
    }

    async fn delete(&self, id: PresentationId) -> Result<bool, StoreError> {
        let presentation = self.inner.get(id).await?;
        let deleted = self.inner.delete(id).await?;
        if let (true, Some(presentation)) = (deleted, presentation) {
            if let Err(e) = self.rebuilder.mirror().remove(&presentation).await {
                // Harmless: the mirror of a deleted presentation accepts
                // votes the flush then drops, until recovery removes it.
                tracing::warn!(error = %format!("{e:#}"), "could not remove a deleted presentation's mirror");
            }
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
}
