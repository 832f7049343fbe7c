# La hoja de puntuación del jurado (judge.js).
judge-page-title = Hoja de puntuación · Tally
judge-title = Hoja de puntuación
judge-no-link = Abre el enlace privado que te envió la organización.
# The round's name, then the sheet's state (draft or submitted).
judge-sheet-line = { $round } · Tu hoja: { $state }
# The same while the round is not open: its state comes last.
judge-sheet-line-closed = { $round } · Tu hoja: { $state } · la ronda está { $roundState }
judge-sheet-draft = borrador
judge-sheet-submitted = enviada
judge-round-draft = sin abrir todavía
judge-round-closed = cerrada
judge-round-published = publicada
judge-locked = Enviada y bloqueada. Solo la organización puede reabrirla.
# The criterion's name as the organiser wrote it, then its range.
judge-criterion = { $criterion } ({ $min }–{ $max }, paso { $step }, peso { $weight })
judge-step-down = { $criterion } de { $contestant }: un paso menos
judge-step-up = { $criterion } de { $contestant }: un paso más
judge-comment = Comentario para { $contestant } (opcional)
judge-save = Guardar borrador
judge-submit = Enviar la hoja
judge-submit-confirm = ¿Enviar tu hoja? Después quedará bloqueada.
judge-submitted = Enviada.
judge-saved = Borrador guardado.
judge-incomplete = A tu hoja le { $count ->
    [one] falta una puntuación
   *[other] faltan { $count } puntuaciones
  }: { $contestants }. Puntúa cada criterio antes de enviarla.
judge-invalid-mark = { $criterion } de { $contestant }: { $value } no es una puntuación de { $min } a { $max } en pasos de { $step }.
