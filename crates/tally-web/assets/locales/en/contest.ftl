# The organiser's contest pages (contest.js, contest-edit.js).
contest-page-title = Judged contest · Tally
contest-new-page-title = New judged contest · Tally
contest-title = Contest
contest-new-title = New judged contest
contest-method-weighted_mean = Weighted mean
contest-method-trimmed_mean = Trimmed mean
contest-method-z_score = Z-scores per judge
contest-method-trimmed_mean-long = Trimmed mean (drop highest and lowest)
contest-method-z_score-long = Z-scores per judge (evens out harsh and lenient judges)
contest-field-title = Title
contest-field-method = Method
contest-field-trim = Trimmed mean: trim when at least this many judges scored
contest-field-criteria = Criteria, one per line: name | weight | min | max | step | description
contest-field-contestants = Contestants, one per line
contest-field-rounds = Rounds, one per line
contest-field-tie = Tie-break criterion (optional)
# Filled in as an example the organiser edits: keep the | separators
# and the numbers, translate the names and descriptions.
contest-example-criteria = Voice | 2 | 1 | 10 | 0.5 | Pitch, tone and blend
    Stage | 1 | 1 | 10 | 1 | Presence
contest-example-round = Final
contest-create = Create contest
contest-failed = { $action }: { $reason }
contest-not-saved = Not saved: { $reason }
contest-saved = Saved. Every change is in the audit log.
contest-export = Export

contest-summary = Method: { $method } · criteria: { $criteria }
contest-criterion-summary = { $name } ×{ $weight } ({ $min }–{ $max }, step { $step })
contest-people = Judges and helpers
contest-invite = Invite
contest-new-link = Private link for { $name } (shown once; send it to them only)
contest-role = Role
contest-role-judge = Judge
contest-role-cohost = Co-host
contest-role-moderator = Moderator
contest-name = Name
# A judge's or helper's name, then their role.
contest-link-line = { $name } · { $role }
contest-revoked = revoked
contest-revoke = Revoke { $name }
contest-revoke-confirm = Revoke { $name }'s link? It stops working at once.
contest-tie-heading = The event's presentation
contest-tie-why = Tied to a presentation, the contest's co-hosts can run it and its moderators can moderate the audience's text there, from their own links.
contest-tied-to = Tied to “{ $title }”.
contest-open-console = Open its console
contest-untie = Untie
contest-tie = Tie
contest-presentation = Presentation
contest-no-presentation = This browser holds no presentation. Create the event's presentation here first, then tie it.
contest-nothing-to-moderate = The contest is not tied to a presentation yet, so there is nothing to moderate. Ask the organiser.
contest-moderate = Moderate the presentation
contest-run = Run the presentation

contest-conflicts = Conflicts of interest
contest-conflicts-why = A judge does not see or score the contestants they are excluded from.
contest-judge = Judge
contest-excluded-from = Excluded from
contest-save-conflicts = Save conflicts

contest-round = Round
contest-round-draft = draft
contest-round-open = open
contest-round-closed = closed
contest-round-published = published
contest-open = Open for scoring
contest-close = Close
contest-publish = Publish
contest-publish-confirm = Publish this round? Its results are frozen and anyone can read them.
contest-lineup = Contestants in this round
contest-lineup-draft = Contestants in this round (fixed once it opens)
contest-lineup-count = Contestants in this round: { $count }
contest-save-lineup = Save lineup
contest-progress = Progress
contest-submitted-count = { $submitted } of { $total ->
    [one] { $total } judge
   *[other] { $total } judges
  } submitted
contest-sheet = Sheet
contest-sheet-draft = draft
contest-sheet-submitted = submitted
contest-marks = Marks
contest-marks-of = { $scored } of { $expected }
contest-missing = Missing
contest-actions = Actions
contest-reopen = Reopen { $name }
contest-reopen-confirm = Reopen { $name }'s sheet? It stops counting until they submit again.

contest-results = Results (raw beside adjusted)
contest-rank = Rank
contest-contestant = Contestant
contest-raw = Raw
contest-adjusted = Adjusted
contest-judges = Judges
contest-rank-plain = { $rank }
contest-rank-parted = { $rank } (tie-break: { $by })
contest-audience-vote = the audience vote
contest-published-digest = Published. Digest (SHA-256 of every submitted mark): { $digest }
contest-private = Private until published · { $sheets ->
    [one] { $sheets } submitted sheet counted
   *[other] { $sheets } submitted sheets counted
  }
contest-reveal = Reveal on the big screen
contest-export-csv = Export CSV
contest-export-json = Export JSON

contest-feedback = Feedback to contestants
contest-feedback-why = A private link shows one contestant the judges' comments on them from submitted sheets, without the judges' names. Making a new link stops the old one.
contest-feedback-link = Feedback link for { $name }
contest-new-feedback-link = Private feedback link for { $name } (shown once; send it to them only)

# Correcting the contest in place (contest-edit.js).
edit-summary = Edit the contest
edit-title = Title
edit-criteria = Criteria
edit-contestants = Contestants
edit-rounds = Rounds
edit-criterion = Criterion
edit-weight = Weight
edit-min = Min
edit-max = Max
edit-step = Step
edit-description = Description
edit-round = Round
edit-contestant = Contestant
edit-remove = Remove
edit-remove-criterion = Remove this criterion
edit-remove-contestant = Remove this contestant
edit-remove-round = Remove this round
edit-add-criterion = + Add criterion
edit-add-contestant = + Add contestant
edit-add-round = + Add round
edit-rule = Before the first mark anything can change. After it, names and descriptions can; a weight, a range or a removal that would change what saved marks mean is refused.
edit-save = Save changes
