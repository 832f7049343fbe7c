# Die Seiten der Veranstaltenden eines Wettbewerbs (contest.js, contest-edit.js).
contest-page-title = Jurywettbewerb · Tally
contest-new-page-title = Neuer Jurywettbewerb · Tally
contest-title = Wettbewerb
contest-new-title = Neuer Jurywettbewerb
contest-method-weighted_mean = Gewichteter Mittelwert
contest-method-trimmed_mean = Gestutzter Mittelwert
contest-method-z_score = Z-Werte pro Jurymitglied
contest-method-trimmed_mean-long = Gestutzter Mittelwert (höchste und niedrigste Wertung fallen weg)
contest-method-z_score-long = Z-Werte pro Jurymitglied (gleicht strenge und milde Jurymitglieder aus)
contest-field-title = Titel
contest-field-method = Verfahren
contest-field-trim = Gestutzter Mittelwert: stutzen, sobald mindestens so viele Jurymitglieder gewertet haben
contest-field-criteria = Kriterien, eines pro Zeile: Name | Gewicht | Min | Max | Schritt | Beschreibung
contest-field-contestants = Teilnehmende, eine Person pro Zeile
contest-field-rounds = Runden, eine pro Zeile
contest-field-tie = Kriterium bei Gleichstand (optional)
contest-example-criteria = Stimme | 2 | 1 | 10 | 0.5 | Intonation, Klang und Zusammenklang
    Bühne | 1 | 1 | 10 | 1 | Ausstrahlung
contest-example-round = Finale
contest-create = Wettbewerb erstellen
contest-failed = { $action }: { $reason }
contest-not-saved = Nicht gespeichert: { $reason }
contest-saved = Gespeichert. Jede Änderung steht im Prüfprotokoll.
contest-export = Export

contest-summary = Verfahren: { $method } · Kriterien: { $criteria }
contest-criterion-summary = { $name } ×{ $weight } ({ $min }–{ $max }, Schritt { $step })
contest-people = Jury und Helfende
contest-invite = Einladen
contest-new-link = Privater Link für { $name } (wird nur einmal gezeigt; senden Sie ihn nur dieser Person)
contest-role = Rolle
contest-role-judge = Jury
contest-role-cohost = Co-Moderation
contest-role-moderator = Moderation
contest-name = Name
# A judge's or helper's name, then their role.
contest-link-line = { $name } · { $role }
contest-revoked = widerrufen
contest-revoke = { $name } widerrufen
contest-revoke-confirm = Den Link von { $name } widerrufen? Er funktioniert sofort nicht mehr.
contest-tie-heading = Die Präsentation der Veranstaltung
contest-tie-why = Ist der Wettbewerb mit einer Präsentation verknüpft, können seine Co-Moderierenden sie leiten und seine Moderierenden dort die Publikumstexte moderieren, jeweils über ihre eigenen Links.
contest-tied-to = Verknüpft mit „{ $title }“.
contest-open-console = Ihre Konsole öffnen
contest-untie = Verknüpfung lösen
contest-tie = Verknüpfen
contest-presentation = Präsentation
contest-no-presentation = Dieser Browser hat keine Präsentation. Erstellen Sie hier zuerst die Präsentation der Veranstaltung und verknüpfen Sie sie dann.
contest-nothing-to-moderate = Der Wettbewerb ist noch mit keiner Präsentation verknüpft, es gibt also nichts zu moderieren. Fragen Sie die Veranstaltenden.
contest-moderate = Die Präsentation moderieren
contest-run = Die Präsentation leiten

contest-conflicts = Interessenkonflikte
contest-conflicts-why = Ein Jurymitglied sieht und bewertet die Teilnehmenden nicht, von denen es ausgeschlossen ist.
contest-judge = Jurymitglied
contest-excluded-from = Ausgeschlossen von
contest-save-conflicts = Konflikte speichern

contest-round = Runde
contest-round-draft = Entwurf
contest-round-open = offen
contest-round-closed = geschlossen
contest-round-published = veröffentlicht
contest-open = Zur Wertung öffnen
contest-close = Schließen
contest-publish = Veröffentlichen
contest-publish-confirm = Diese Runde veröffentlichen? Ihre Ergebnisse werden eingefroren und sind für alle lesbar.
contest-lineup = Teilnehmende dieser Runde
contest-lineup-draft = Teilnehmende dieser Runde (fest, sobald sie öffnet)
contest-lineup-count = Teilnehmende dieser Runde: { $count }
contest-save-lineup = Besetzung speichern
contest-progress = Fortschritt
contest-submitted-count = { $submitted } von { $total ->
    [one] { $total } Jurymitglied hat
   *[other] { $total } Jurymitgliedern haben
  } abgegeben
contest-sheet = Bogen
contest-sheet-draft = Entwurf
contest-sheet-submitted = abgegeben
contest-marks = Wertungen
contest-marks-of = { $scored } von { $expected }
contest-missing = Fehlend
contest-actions = Aktionen
contest-reopen = { $name } wieder öffnen
contest-reopen-confirm = Den Bogen von { $name } wieder öffnen? Er zählt nicht mehr, bis er erneut abgegeben wird.

contest-results = Ergebnisse (roh neben bereinigt)
contest-rank = Platz
contest-contestant = Teilnehmende
contest-raw = Roh
contest-adjusted = Bereinigt
contest-judges = Jury
contest-rank-plain = { $rank }
contest-rank-parted = { $rank } (bei Gleichstand: { $by })
contest-audience-vote = die Publikumsabstimmung
contest-published-digest = Veröffentlicht. Prüfsumme (SHA-256 aller abgegebenen Wertungen): { $digest }
contest-private = Privat bis zur Veröffentlichung · { $sheets ->
    [one] { $sheets } abgegebener Bogen gezählt
   *[other] { $sheets } abgegebene Bögen gezählt
  }
contest-reveal = Auf dem Großbildschirm enthüllen
contest-export-csv = CSV exportieren
contest-export-json = JSON exportieren

contest-feedback = Feedback an Teilnehmende
contest-feedback-why = Ein privater Link zeigt einer teilnehmenden Person die Kommentare der Jury zu ihr aus abgegebenen Bögen, ohne die Namen der Jury. Ein neuer Link ersetzt den alten.
contest-feedback-link = Feedback-Link für { $name }
contest-new-feedback-link = Privater Feedback-Link für { $name } (wird nur einmal gezeigt; senden Sie ihn nur dieser Person)

edit-summary = Wettbewerb bearbeiten
edit-title = Titel
edit-criteria = Kriterien
edit-contestants = Teilnehmende
edit-rounds = Runden
edit-criterion = Kriterium
edit-weight = Gewicht
edit-min = Min
edit-max = Max
edit-step = Schritt
edit-description = Beschreibung
edit-round = Runde
edit-contestant = Teilnehmende Person
edit-remove = Entfernen
edit-remove-criterion = Dieses Kriterium entfernen
edit-remove-contestant = Diese teilnehmende Person entfernen
edit-remove-round = Diese Runde entfernen
edit-add-criterion = + Kriterium hinzufügen
edit-add-contestant = + Teilnehmende Person hinzufügen
edit-add-round = + Runde hinzufügen
edit-rule = Vor der ersten Wertung lässt sich alles ändern. Danach nur noch Namen und Beschreibungen; ein Gewicht, ein Bereich oder eine Entfernung, die die Bedeutung gespeicherter Wertungen ändern würde, wird abgelehnt.
edit-save = Änderungen speichern
