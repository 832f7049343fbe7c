# The judge's score sheet (judge.js).
judge-page-title = Score sheet · Tally
judge-title = Score sheet
judge-no-link = Open the private link the organiser sent you.
judge-your-sheet = Your sheet:
judge-sheet-draft = draft
judge-sheet-submitted = submitted
judge-round-is = the round is { $state }
judge-round-draft = not open yet
judge-round-closed = closed
judge-round-published = published
judge-locked = Submitted and locked. Only the organiser can reopen it.
# The criterion's name comes before this, as the organiser wrote it.
judge-criterion-range = ({ $min }–{ $max }, step { $step }, weight { $weight })
judge-step-down = { $criterion } for { $contestant }: one step down
judge-step-up = { $criterion } for { $contestant }: one step up
judge-comment = Comment for { $contestant } (optional)
judge-save = Save draft
judge-submit = Submit sheet
judge-submit-confirm = Submit your sheet? It is locked afterwards.
judge-submitted = Submitted.
judge-saved = Draft saved.
judge-incomplete = Your sheet lacks { $count ->
    [one] one mark
   *[other] { $count } marks
  }: { $contestants }. Score every criterion before submitting.
judge-invalid-mark = { $criterion } for { $contestant }: { $value } is not a mark from { $min } to { $max } in steps of { $step }.
