# La feuille de notes du juré (judge.js).
judge-page-title = Feuille de notes · Tally
judge-title = Feuille de notes
judge-no-link = Ouvrez le lien privé que l’organisation vous a envoyé.
# The round's name, then the sheet's state (draft or submitted).
judge-sheet-line = { $round } · Votre feuille : { $state }
# The same while the round is not open: its state comes last.
judge-sheet-line-closed = { $round } · Votre feuille : { $state } · la manche est { $roundState }
judge-sheet-draft = brouillon
judge-sheet-submitted = remise
judge-round-draft = pas encore ouverte
judge-round-closed = fermée
judge-round-published = publiée
judge-locked = Remise et verrouillée. Seule l’organisation peut la rouvrir.
# The criterion's name as the organiser wrote it, then its range.
judge-criterion = { $criterion } ({ $min }–{ $max }, pas de { $step }, poids { $weight })
judge-step-down = { $criterion } pour { $contestant } : un pas de moins
judge-step-up = { $criterion } pour { $contestant } : un pas de plus
judge-comment = Commentaire pour { $contestant } (facultatif)
judge-save = Enregistrer le brouillon
judge-submit = Remettre la feuille
judge-submit-confirm = Remettre votre feuille ? Elle sera ensuite verrouillée.
judge-submitted = Remise.
judge-saved = Brouillon enregistré.
judge-incomplete = Il manque { $count ->
    [one] une note
   *[other] { $count } notes
  } sur votre feuille : { $contestants }. Notez chaque critère avant de la remettre.
judge-invalid-mark = { $criterion } pour { $contestant } : { $value } n’est pas une note de { $min } à { $max } par pas de { $step }.
