# Words every page shares. Errors are keyed by the API's stable problem
# codes (`error-<code>`); the pages never show the server's English detail.
app-name = Tally
loading = Loading…
language = Language

error-offline = No connection. Check your network and try again.
error-unavailable = Tally is busy or restarting. Try again in a moment.
error-busy = Many people are answering at once. Trying again…
error-denied = You do not have access to this.
error-not-found = This was not found. It may have ended.
error-conflict = This changed in the meantime. Reload and try again.
error-invalid = That was not accepted. Check it and try again.
error-voting_closed = Voting has closed.
error-poll_not_current = The presenter has moved to another slide.
error-already_voted = You have already voted on this question.
error-unknown_option = That choice is not on this question.
error-invalid_vote = That answer is not valid for this question.
error-invalid_text = That text is not accepted. Shorten it or change it.
error-invalid_name = This name is not accepted. Please choose another.
error-invalid_question = That question is not accepted. Shorten it or change it.
error-question_limit = You have asked as many questions as this session allows.
error-not_a_qa_poll = Questions are not open right now.
error-no_poll_displayed = Nothing is on screen yet.
error-presenter_token_required = This page needs the presenter key.
error-presenter_token_unknown = This presenter key is not valid for this presentation.
error-presenter_token_rejected = This presenter key is not valid for this presentation.
error-link_revoked = This link has been withdrawn by the organiser.
error-role_forbidden = This link does not allow that.
