# Words every page shares. Errors are keyed by the API's stable problem
# codes (`error-<code>`); the pages never show the server's English detail.
app-name = Tally
loading = Loading…
language = Language

# What a page says when a request failed and no code says more.
error-offline = No connection. Check your network and try again.
error-unavailable = Tally is busy or restarting. Try again in a moment.
error-busy = Many people are answering at once. Trying again…
error-denied = You do not have access to this.
error-not-found = This was not found. It may have ended.
error-conflict = This changed in the meantime. Reload and try again.
error-invalid = That was not accepted. Check it and try again.

# One message per problem code the API sends (crates/tally-http/src).
error-already_voted = You have already voted on this question.
error-at_first_poll = This is already the first slide.
error-audience_voting_open = The audience vote for this round is still open. Close it first.
error-body_timeout = The request took too long to arrive. Check your network and try again.
error-contest_locked = Marks have been saved, so this change is no longer allowed. Names and descriptions can still change.
error-contest_secret_rejected = This link is not valid for this contest.
error-contest_secret_required = This page needs the private link the organiser sent you.
error-error = That did not work. Try again.
error-internal = Something went wrong in Tally. Try again in a moment.
error-invalid_body = That was not accepted. Check every field and try again.
error-invalid_comment = That comment is not accepted. Shorten it or change it.
error-invalid_contest = The contest is not accepted. Check the title, criteria, contestants and rounds.
error-invalid_cursor = This list could not be continued. Reload the page.
error-invalid_entry = That entry was not found. Reload the page.
error-invalid_export = That export format is not available.
error-invalid_limit = Too many items were asked for at once.
error-invalid_lineup = That lineup is not accepted. Choose contestants of this contest.
error-invalid_link = That invitation is not accepted. Check the name and the role.
error-invalid_mark = A mark is outside its criterion's range or not on one of its steps.
error-invalid_name = This name is not accepted. Please choose another.
error-invalid_poll = A poll is not accepted. Check its question, options and settings.
error-invalid_presentation = The presentation is not accepted. Check every poll.
error-invalid_query = The address is not valid. Reload the page.
error-invalid_question = That question is not accepted. Shorten it or change it.
error-invalid_sheet = The score sheet is not accepted. Reload it and try again.
error-invalid_sort = That order is not available.
error-invalid_text = That text is not accepted. Shorten it or change it.
error-invalid_timer = That timer is too long.
error-invalid_vote = That answer is not valid for this question.
error-link_revoked = This link has been withdrawn by the organiser.
error-malformed_json = That was not accepted. Reload the page and try again.
error-method_not_allowed = That action is not available here.
error-missing_body = That was not accepted. Reload the page and try again.
error-no_entries = There are no entries to act on.
error-no_more_polls = This is already the last slide.
error-no_poll_displayed = Nothing is on screen yet.
error-no_such_slide = That slide does not exist.
error-not_a_qa_poll = Questions are not open right now.
error-not_found = This was not found. It may have ended or been removed.
error-not_ready = Tally is starting. Try again in a moment.
error-overloaded = Many people are answering at once. Try again in a moment.
error-payload_too_large = That is too large to send.
error-poll_not_current = The presenter has moved to another slide.
error-presenter_token_rejected = This presenter key is not valid for this presentation.
error-presenter_token_required = This page needs the presenter key.
error-presenter_token_unknown = This presenter key is not valid for this presentation.
error-question_limit = You have asked as many questions as this session allows.
error-role_forbidden = This link does not allow that.
error-round_changed = The round changed in the meantime. Reload and try again.
error-round_not_open = This round is not open for scoring.
error-round_state = The round cannot do that in its current state.
error-sheet_incomplete = The sheet lacks marks. Score every criterion for every contestant before submitting.
error-sheet_not_submitted = That sheet has not been submitted.
error-sheet_submitted = This sheet is submitted and locked. Only the organiser can reopen it.
error-unknown_option = That choice is not on this question.
error-unreadable_body = The request could not be read. Try again.
error-unsupported_media_type = That was not accepted. Reload the page and try again.
error-vote_outcome_unknown = Your vote may not have arrived. Sending it again…
error-voting_closed = Voting has closed.
error-invalid_label = That link name is not accepted. Shorten it or change it.
error-invalid_role = That kind of link does not exist.
error-link_not_found = That link was not found. It may have been withdrawn already.
error-name_control_character = That name contains characters that cannot be shown. Type it again.
error-name_empty = Enter a name, or leave the name out.
error-name_not_allowed = This name is not allowed. Please choose another.
error-name_too_long = That name is too long. Shorten it.
error-submission_reused = This was already sent. Reload to see it.

# A presenter page opened in a browser without the presenter key (deck.js).
token-missing = This browser does not hold the presenter key for this presentation, so it cannot run it.
token-label = Presenter key (starts with tly_)
token-use = Use this key
token-back = Back to your presentations
token-untitled = Presentation

# A contest page opened without its private link (contest-key.js).
key-missing-contest = This browser does not hold the organiser's secret for this contest.
key-missing-judge = This browser does not hold your judge link for this contest.
key-missing-feedback = This browser does not hold your feedback link for this contest.
key-label = Secret (starts with tly_)
key-use = Use this secret
