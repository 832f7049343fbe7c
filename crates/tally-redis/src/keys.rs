//! Key names. Every key of a presentation carries the hash tag
//! `{<presentation id>}`, so all the keys one script touches live in one
//! Redis Cluster slot and the scripts run unchanged on a cluster.

use tally_domain::{PollId, PresentationId};

/// Set of presentations whose streams flushers read.
pub const ACTIVE: &str = "tally:presentations";
/// Counter raised each time a presentation joins [`ACTIVE`]. Flushers
/// reread the set when it moves instead of at their next periodic refresh,
/// so a new stream's first votes are flushed in milliseconds, not up to a
/// second later: a read that waits for them (`settle`) waits that long.
pub const ACTIVE_ADDED: &str = "tally:presentations:added";
/// The flushers' consumer group on every stream.
pub const GROUP: &str = "flushers";

#[derive(Clone, Debug)]
pub struct Keys(String);

impl Keys {
    pub fn new(id: PresentationId) -> Self {
        Self(format!("tally:{{{id}}}"))
    }

    /// The prefix every key of the presentation starts with.
    pub fn prefix(&self) -> &str {
        &self.0
    }
    /// Hash: `version`, `poll` (current poll id), `open:<poll id>` (1/0),
    /// `seen` (Redis time, seconds, of the last counted vote or change).
    pub fn state(&self) -> String {
        format!("{}:state", self.0)
    }
    /// Set of the presentation's poll ids.
    pub fn polls(&self) -> String {
        format!("{}:polls", self.0)
    }
    /// The deck as JSON (questions, options in order), for results.
    pub fn deck(&self) -> String {
        format!("{}:deck", self.0)
    }
    /// Marks an id Postgres does not know, for a few seconds, so that votes
    /// for it do not all reach Postgres.
    pub fn absent(&self) -> String {
        format!("{}:absent", self.0)
    }
    /// Stream of accepted votes, read by the flushers.
    pub fn stream(&self) -> String {
        format!("{}:stream", self.0)
    }
    /// Set of the poll's option keys.
    pub fn options(&self, poll: PollId) -> String {
        format!("{}:opts:{poll}", self.0)
    }
    /// Hash participant -> key: who voted, for de-duplication and listing.
    pub fn voters(&self, poll: PollId) -> String {
        format!("{}:voters:{poll}", self.0)
    }
    /// Hash key -> count.
    pub fn counts(&self, poll: PollId) -> String {
        format!("{}:counts:{poll}", self.0)
    }
    /// Hash process instance -> `<audience>:<expires, ms of Redis time>`:
    /// the live audience each process holds.
    pub fn audience(&self) -> String {
        format!("{}:audience", self.0)
    }
}

/// The presentation a stream key belongs to.
pub fn presentation_of_stream(stream: &str) -> Option<PresentationId> {
    let start = stream.find('{')? + 1;
    let end = stream[start..].find('}')? + start;
    stream[start..end].parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_of_a_presentation_shares_its_hash_tag() {
        let id = PresentationId::generate();
        let poll = PollId::generate();
        let keys = Keys::new(id);
        let tag = format!("{{{id}}}");
        for key in [
            keys.state(),
            keys.polls(),
            keys.deck(),
            keys.absent(),
            keys.stream(),
            keys.options(poll),
            keys.voters(poll),
            keys.counts(poll),
        ] {
            // The tag is the first {...} in the key.
            let first = &key[key.find('{').unwrap()..=key.find('}').unwrap()];
            assert_eq!(first, tag, "{key}");
        }
        assert_eq!(presentation_of_stream(&keys.stream()), Some(id));
    }
}
