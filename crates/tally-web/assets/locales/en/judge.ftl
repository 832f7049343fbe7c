# The judge's score sheet (judge.js).
judge-page-title = Score sheet · Tally
judge-title = Score sheet
judge-no-link = Open the private link the organiser sent you.
# The round's name, then the sheet's state (draft or submitted).
judge-sheet-line = { $round } · Your sheet: { $state }
# The same while the round is not open: its state comes last.
judge-sheet-line-closed = { $round } · Your sheet: { $state } · the round is { $roundState }
judge-sheet-draft = draft
judge-sheet-submitted = submitted
judge-round-draft = not open yet
judge-round-closed = closed
judge-round-published = published
judge-locked = Submitted and locked. Only the organiser can reopen it.
# The criterion's name as the organiser wrote it, then its range.
judge-criterion = { $criterion } ({ $min }–{ $max }, step { $step }, weight { $weight })
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
