//! Who takes part: invite links, conflicts of interest, the tied
//! presentation, and contestants' feedback links.

use super::*;

impl<P: Ports> Contests<P> {
    /// Makes an invite link (owner only); its secret is returned once.
    pub async fn invite(
        &self,
        id: ContestId,
        credential: Option<&PresenterToken>,
        role: &str,
        link_name: &str,
    ) -> Result<(Link, PresenterToken), LinkError> {
        let (_, caller) = self.check(id, credential, Allowed::Owner).await?;
        let role = Role::parse(role).ok_or(LinkError::InvalidRole)?;
        let link_name = name(link_name, MAX_NAME).ok_or(LinkError::InvalidName)?;
        let token = PresenterToken::generate();
        let link = Link {
            id: LinkId::generate(),
            role,
            name: link_name,
            revoked: false,
        };
        self.store
            .add_link(id, link.id, role, &link.name, token.hash(), &caller.actor())
            .await
            .map_err(link_error)?;
        Ok((link, token))
    }

    pub async fn links(
        &self,
        id: ContestId,
        credential: Option<&PresenterToken>,
    ) -> Result<Vec<Link>, LinkError> {
        self.check(id, credential, Allowed::Owner).await?;
        Ok(self.store.links(id).await?)
    }

    pub async fn revoke(
        &self,
        id: ContestId,
        credential: Option<&PresenterToken>,
        link: LinkId,
    ) -> Result<(), LinkError> {
        let (_, caller) = self.check(id, credential, Allowed::Owner).await?;
        self.store
            .revoke_link(id, link, &caller.actor())
            .await
            .map_err(link_error)
    }

    /// Ties the contest to the event's presentation, so that its co-host
    /// links run it and its moderator links moderate there. Owner only,
    /// and only with the presentation's presenter token as proof that the
    /// owner runs it too ([`Tally::prove_presenter`]); the token is checked
    /// only once the owner is, so nobody else learns anything about the
    /// presentation, and it is not stored.
    pub async fn tie_presentation(
        &self,
        id: ContestId,
        credential: Option<&PresenterToken>,
        presentation: crate::ids::PresentationId,
        presenter_token: &PresenterToken,
    ) -> Result<(), TiePresentationError> {
        let (_, caller) = self.check(id, credential, Allowed::Owner).await?;
        let presentation = self
            .tally
            .prove_presenter(presentation, Some(presenter_token))
            .await
            .map_err(TiePresentationError::Presentation)?;
        self.store_presentation(id, Some(presentation), &caller)
            .await
    }

    /// Unties the contest from its presentation (owner only).
    pub async fn untie_presentation(
        &self,
        id: ContestId,
        credential: Option<&PresenterToken>,
    ) -> Result<(), TiePresentationError> {
        let (_, caller) = self.check(id, credential, Allowed::Owner).await?;
        self.store_presentation(id, None, &caller).await
    }

    async fn store_presentation(
        &self,
        id: ContestId,
        presentation: Option<OwnedPresentation>,
        caller: &Caller,
    ) -> Result<(), TiePresentationError> {
        self.store
            .set_presentation(id, presentation.map(OwnedPresentation::id), &caller.actor())
            .await
            .map_err(|e| TiePresentationError::Unavailable(e.into()))
    }

    /// Replaces the contestants a judge is excluded from.
    pub async fn set_conflicts(
        &self,
        id: ContestId,
        credential: Option<&PresenterToken>,
        judge: LinkId,
        contestants: &BTreeSet<ContestantId>,
    ) -> Result<(), LinkError> {
        let (_, caller) = self.check(id, credential, Allowed::Organiser).await?;
        self.store
            .set_conflicts(id, judge, contestants, &caller.actor())
            .await
            .map_err(|e| match e {
                ContestStoreError::LinkNotFound => LinkError::JudgeNotFound,
                other => link_error(other),
            })
    }

    pub async fn conflicts(
        &self,
        id: ContestId,
        credential: Option<&PresenterToken>,
    ) -> Result<BTreeMap<LinkId, BTreeSet<ContestantId>>, LinkError> {
        self.check(id, credential, Allowed::Organiser).await?;
        Ok(self.store.conflicts(id).await?)
    }

    /// Releases the judges' comments on a contestant to them through a
    /// private link (its secret returned once; an earlier link stops
    /// working).
    pub async fn release_feedback(
        &self,
        id: ContestId,
        credential: Option<&PresenterToken>,
        contestant: ContestantId,
    ) -> Result<PresenterToken, LinkError> {
        let (_, caller) = self.check(id, credential, Allowed::Organiser).await?;
        let token = PresenterToken::generate();
        self.store
            .release_feedback(id, contestant, token.hash(), &caller.actor())
            .await
            .map_err(link_error)?;
        Ok(token)
    }

    /// What a contestant's feedback link shows: the judges' comments on
    /// them from submitted sheets, without the judges' names.
    pub async fn feedback(
        &self,
        id: ContestId,
        credential: Option<&PresenterToken>,
    ) -> Result<Feedback, ContestReadError> {
        let token = credential.ok_or(ContestReadError::Denied(ContestDenied::MissingToken))?;
        self.store
            .feedback(id, token.hash())
            .await?
            .ok_or(ContestReadError::Denied(ContestDenied::UnknownToken))
    }
}

fn link_error(e: ContestStoreError) -> LinkError {
    match e {
        ContestStoreError::LinkNotFound => LinkError::LinkNotFound,
        ContestStoreError::ContestantNotFound => LinkError::ContestantNotFound,
        ContestStoreError::Store(e) => LinkError::Unavailable(e.0),
        other => LinkError::Unavailable(other.into()),
    }
}
