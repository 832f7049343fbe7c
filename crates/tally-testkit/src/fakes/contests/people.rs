//! Who takes part: the owner, invite links, conflicts, the tied
//! presentation and feedback links.

use super::{entry, failed, listed, FakeContests, StoredLink};
use std::collections::{BTreeMap, BTreeSet};
use tally_domain::contest::model::{AuditEntry, Caller, Contestant, Feedback, Link, Role};
use tally_domain::ports::{ContestPeople, ContestStoreError, StoreError};
use tally_domain::presenter::TokenHash;
use tally_domain::{ContestId, ContestantId, Delegate, DelegateRole, LinkId, PresentationId};

/// The most characters a link's name takes (a check in the schema).
const MAX_LINK_NAME: usize = 200;

impl ContestPeople for FakeContests {
    async fn caller(&self, id: ContestId, token: TokenHash) -> Result<Option<Caller>, StoreError> {
        self.check()?;
        let state = self.lock();
        let token = *token.as_bytes();
        if state.contests.get(&id).is_some_and(|s| s.owner == token) {
            return Ok(Some(Caller::Owner));
        }
        Ok(state
            .links
            .iter()
            .find(|l| l.contest == id && l.token == token)
            .map(|l| Caller::Link {
                id: l.link.id,
                role: l.link.role,
                revoked: l.link.revoked,
            }))
    }

    async fn add_link(
        &self,
        id: ContestId,
        link: LinkId,
        role: Role,
        name: &str,
        token: TokenHash,
        actor: &str,
    ) -> Result<(), ContestStoreError> {
        self.check()?;
        let mut state = self.lock();
        let token = *token.as_bytes();
        if !state.contests.contains_key(&id) {
            return Err(failed("no such contest"));
        }
        if state
            .links
            .iter()
            .any(|l| l.link.id == link || l.token == token)
        {
            return Err(failed("the link id or its secret is taken"));
        }
        let length = name.chars().count();
        if length == 0 || length > MAX_LINK_NAME {
            return Err(failed("a link's name has 1 to 200 characters"));
        }
        state.links.push(StoredLink {
            contest: id,
            link: Link {
                id: link,
                role,
                name: name.to_owned(),
                revoked: false,
            },
            token,
        });
        let invited = AuditEntry {
            judge: Some(link),
            after: Some(format!("{} {name}", role.as_str())),
            ..entry(actor, "invite")
        };
        state.record(id, vec![invited]);
        Ok(())
    }

    async fn links(&self, id: ContestId) -> Result<Vec<Link>, StoreError> {
        self.check()?;
        Ok(self
            .lock()
            .links
            .iter()
            .filter(|l| l.contest == id)
            .map(|l| l.link.clone())
            .collect())
    }

    async fn revoke_link(
        &self,
        id: ContestId,
        link: LinkId,
        actor: &str,
    ) -> Result<(), ContestStoreError> {
        self.check()?;
        let mut state = self.lock();
        let stored = state
            .links
            .iter_mut()
            .find(|l| l.contest == id && l.link.id == link)
            .ok_or(ContestStoreError::LinkNotFound)?;
        if stored.link.revoked {
            return Ok(());
        }
        stored.link.revoked = true;
        let revoked = AuditEntry {
            judge: Some(link),
            ..entry(actor, "revoke")
        };
        state.record(id, vec![revoked]);
        Ok(())
    }

    async fn set_presentation(
        &self,
        id: ContestId,
        presentation: Option<PresentationId>,
        actor: &str,
    ) -> Result<(), ContestStoreError> {
        self.check()?;
        let mut state = self.lock();
        // A presentation that does not exist (deleted meanwhile) unties.
        let after = presentation.filter(|p| state.presentations.contains(p));
        let stored = state
            .contests
            .get_mut(&id)
            .ok_or_else(|| failed("no such contest"))?;
        let before = stored.contest.presentation;
        if before == after {
            return Ok(());
        }
        stored.contest.presentation = after;
        let tied = AuditEntry {
            before: before.map(|p| p.to_string()),
            after: after.map(|p| p.to_string()),
            ..entry(actor, "set_presentation")
        };
        state.record(id, vec![tied]);
        Ok(())
    }

    async fn set_conflicts(
        &self,
        id: ContestId,
        judge: LinkId,
        contestants: &BTreeSet<ContestantId>,
        actor: &str,
    ) -> Result<(), ContestStoreError> {
        self.check()?;
        let mut state = self.lock();
        if !state
            .link(id, judge)
            .is_some_and(|l| l.link.role == Role::Judge)
        {
            return Err(ContestStoreError::LinkNotFound);
        }
        let stored = state
            .contests
            .get_mut(&id)
            .ok_or(ContestStoreError::LinkNotFound)?;
        if !contestants
            .iter()
            .all(|c| stored.contest.has_contestant(*c))
        {
            return Err(ContestStoreError::ContestantNotFound);
        }
        // Conflicts can move every round's results.
        let rounds: Vec<_> = stored.contest.rounds.iter().map(|r| r.id).collect();
        for round in rounds {
            stored.bump(round);
        }
        if contestants.is_empty() {
            state.conflicts.remove(&judge);
        } else {
            state.conflicts.insert(judge, contestants.clone());
        }
        let set = AuditEntry {
            judge: Some(judge),
            after: Some(listed(contestants)),
            ..entry(actor, "conflicts")
        };
        state.record(id, vec![set]);
        Ok(())
    }

    async fn conflicts(
        &self,
        id: ContestId,
    ) -> Result<BTreeMap<LinkId, BTreeSet<ContestantId>>, StoreError> {
        self.check()?;
        let state = self.lock();
        Ok(state
            .conflicts
            .iter()
            .filter(|(judge, _)| state.link(id, **judge).is_some())
            .map(|(judge, excluded)| (*judge, excluded.clone()))
            .collect())
    }

    async fn release_feedback(
        &self,
        id: ContestId,
        contestant: ContestantId,
        token: TokenHash,
        actor: &str,
    ) -> Result<(), ContestStoreError> {
        self.check()?;
        let mut state = self.lock();
        let token = *token.as_bytes();
        if !state
            .contests
            .get(&id)
            .is_some_and(|s| s.contest.has_contestant(contestant))
        {
            return Err(ContestStoreError::ContestantNotFound);
        }
        if state
            .feedback
            .iter()
            .any(|(other, t)| *other != contestant && *t == token)
        {
            return Err(failed("the feedback secret is taken"));
        }
        state.feedback.insert(contestant, token);
        let released = AuditEntry {
            contestant: Some(contestant),
            ..entry(actor, "release_feedback")
        };
        state.record(id, vec![released]);
        Ok(())
    }

    async fn feedback(
        &self,
        id: ContestId,
        token: TokenHash,
    ) -> Result<Option<Feedback>, StoreError> {
        self.check()?;
        let state = self.lock();
        let token = *token.as_bytes();
        let Some(stored) = state.contests.get(&id) else {
            return Ok(None);
        };
        let Some(contestant) = stored
            .contest
            .contestants
            .iter()
            .find(|c| state.feedback.get(&c.id) == Some(&token))
        else {
            return Ok(None);
        };
        // Round by round, then by judge; submitted sheets only.
        let mut comments = Vec::new();
        for round in &stored.contest.rounds {
            let sheets = state
                .sheets
                .iter()
                .filter(|((r, _), s)| *r == round.id && s.submitted);
            for (_, sheet) in sheets {
                if let Some(text) = sheet.comments.get(&contestant.id) {
                    comments.push((round.name.clone(), text.clone()));
                }
            }
        }
        Ok(Some(Feedback {
            contestant: Contestant::clone(contestant),
            comments,
        }))
    }

    async fn delegates(&self, presentation: PresentationId) -> Result<Vec<Delegate>, StoreError> {
        self.check()?;
        let state = self.lock();
        let tied: BTreeSet<ContestId> = state
            .contests
            .iter()
            .filter(|(_, s)| s.contest.presentation == Some(presentation))
            .map(|(id, _)| *id)
            .collect();
        Ok(state
            .links
            .iter()
            .filter(|l| tied.contains(&l.contest) && l.link.role != Role::Judge)
            .map(|l| Delegate {
                link: l.link.id,
                role: DelegateRole::Contest(l.link.role),
                token_hash: TokenHash::from_bytes(l.token),
                revoked: l.link.revoked,
            })
            .collect())
    }
}
