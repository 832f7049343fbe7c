# Der Wertungsbogen der Jury (judge.js).
judge-page-title = Wertungsbogen · Tally
judge-title = Wertungsbogen
judge-no-link = Öffnen Sie den privaten Link, den Ihnen die Veranstaltenden geschickt haben.
# The round's name, then the sheet's state (draft or submitted).
judge-sheet-line = { $round } · Ihr Bogen: { $state }
# The same while the round is not open: its state comes last.
judge-sheet-line-closed = { $round } · Ihr Bogen: { $state } · die Runde ist { $roundState }
judge-sheet-draft = Entwurf
judge-sheet-submitted = abgegeben
judge-round-draft = noch nicht geöffnet
judge-round-closed = geschlossen
judge-round-published = veröffentlicht
judge-locked = Abgegeben und gesperrt. Nur die Veranstaltenden können den Bogen wieder öffnen.
# The criterion's name as the organiser wrote it, then its range.
judge-criterion = { $criterion } ({ $min }–{ $max }, Schritt { $step }, Gewicht { $weight })
judge-step-down = { $criterion } für { $contestant }: einen Schritt herunter
judge-step-up = { $criterion } für { $contestant }: einen Schritt hinauf
judge-comment = Kommentar zu { $contestant } (optional)
judge-save = Entwurf speichern
judge-submit = Bogen abgeben
judge-submit-confirm = Bogen abgeben? Danach ist er gesperrt.
judge-submitted = Abgegeben.
judge-saved = Entwurf gespeichert.
judge-incomplete = Auf Ihrem Bogen { $count ->
    [one] fehlt eine Wertung
   *[other] fehlen { $count } Wertungen
  }: { $contestants }. Bewerten Sie jedes Kriterium, bevor Sie abgeben.
judge-invalid-mark = { $criterion } für { $contestant }: { $value } ist keine Wertung von { $min } bis { $max } in Schritten von { $step }.
