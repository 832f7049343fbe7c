# Las páginas de la organización de un concurso (contest.js, contest-edit.js).
contest-page-title = Concurso con jurado · Tally
contest-new-page-title = Nuevo concurso con jurado · Tally
contest-title = Concurso
contest-new-title = Nuevo concurso con jurado
contest-method-weighted_mean = Media ponderada
contest-method-trimmed_mean = Media recortada
contest-method-z_score = Puntuaciones z por miembro del jurado
contest-method-trimmed_mean-long = Media recortada (sin la puntuación más alta ni la más baja)
contest-method-z_score-long = Puntuaciones z por miembro del jurado (equilibra jurados severos y benévolos)
contest-field-title = Título
contest-field-method = Método
contest-field-trim = Media recortada: recortar cuando hayan puntuado al menos estos miembros del jurado
contest-field-criteria = Criterios, uno por línea: nombre | peso | mín | máx | paso | descripción
contest-field-contestants = Participantes, uno por línea
contest-field-rounds = Rondas, una por línea
contest-field-tie = Criterio de desempate (opcional)
contest-example-criteria = Voz | 2 | 1 | 10 | 0.5 | Afinación, timbre y empaste
    Escena | 1 | 1 | 10 | 1 | Presencia
contest-example-round = Final
contest-create = Crear el concurso
contest-failed = { $action }: { $reason }
contest-not-saved = No se guardó: { $reason }
contest-saved = Guardado. Cada cambio queda en el registro de auditoría.
contest-export = Exportar

contest-summary = Método: { $method } · criterios: { $criteria }
contest-criterion-summary = { $name } ×{ $weight } ({ $min }–{ $max }, paso { $step })
contest-people = Jurado y ayudantes
contest-invite = Invitar
contest-new-link = Enlace privado para { $name } (se muestra una sola vez; envíaselo solo a esa persona)
contest-role = Rol
contest-role-judge = Jurado
contest-role-cohost = Copresentador
contest-role-moderator = Moderador
contest-name = Nombre
# A judge's or helper's name, then their role.
contest-link-line = { $name } · { $role }
contest-revoked = revocado
contest-revoke = Revocar a { $name }
contest-revoke-confirm = ¿Revocar el enlace de { $name }? Deja de funcionar de inmediato.
contest-tie-heading = La presentación del evento
contest-tie-why = Si el concurso está vinculado a una presentación, sus copresentadores pueden dirigirla y sus moderadores moderar allí los textos del público, cada uno desde su propio enlace.
contest-tied-to = Vinculado a «{ $title }».
contest-open-console = Abrir su consola
contest-untie = Desvincular
contest-tie = Vincular
contest-presentation = Presentación
contest-no-presentation = Este navegador no tiene ninguna presentación. Crea aquí primero la presentación del evento y luego vincúlala.
contest-nothing-to-moderate = El concurso aún no está vinculado a ninguna presentación, así que no hay nada que moderar. Pregunta a la organización.
contest-moderate = Moderar la presentación
contest-run = Dirigir la presentación

contest-conflicts = Conflictos de intereses
contest-conflicts-why = Un miembro del jurado no ve ni puntúa a los participantes de los que está excluido.
contest-judge = Miembro del jurado
contest-excluded-from = Excluido de
contest-save-conflicts = Guardar conflictos

contest-round = Ronda
contest-round-draft = borrador
contest-round-open = abierta
contest-round-closed = cerrada
contest-round-published = publicada
contest-open = Abrir para puntuar
contest-close = Cerrar
contest-publish = Publicar
contest-publish-confirm = ¿Publicar esta ronda? Sus resultados quedan fijados y cualquiera puede leerlos.
contest-lineup = Participantes de esta ronda
contest-lineup-draft = Participantes de esta ronda (fijos en cuanto se abra)
contest-lineup-count = Participantes de esta ronda: { $count }
contest-save-lineup = Guardar participantes
contest-progress = Progreso
contest-submitted-count = { $submitted } de { $total ->
    [one] { $total } miembro del jurado ha enviado su hoja
   *[other] { $total } miembros del jurado han enviado su hoja
  }
contest-sheet = Hoja
contest-sheet-draft = borrador
contest-sheet-submitted = enviada
contest-marks = Puntuaciones
contest-marks-of = { $scored } de { $expected }
contest-missing = Faltan
contest-actions = Acciones
contest-reopen = Reabrir a { $name }
contest-reopen-confirm = ¿Reabrir la hoja de { $name }? No cuenta hasta que la vuelva a enviar.

contest-results = Resultados (brutos junto a ajustados)
contest-rank = Puesto
contest-contestant = Participante
contest-raw = Bruto
contest-adjusted = Ajustado
contest-judges = Jurado
contest-rank-plain = { $rank }
contest-rank-parted = { $rank } (desempate: { $by })
contest-audience-vote = la votación del público
contest-published-digest = Publicada. Huella (SHA-256 de todas las puntuaciones enviadas): { $digest }
contest-private = Privado hasta su publicación · { $sheets ->
    [one] { $sheets } hoja enviada contada
   *[other] { $sheets } hojas enviadas contadas
  }
contest-reveal = Revelar en la pantalla grande
contest-export-csv = Exportar CSV
contest-export-json = Exportar JSON

contest-feedback = Comentarios para los participantes
contest-feedback-why = Un enlace privado muestra a un participante los comentarios del jurado sobre él en las hojas enviadas, sin los nombres del jurado. Crear un enlace nuevo anula el anterior.
contest-feedback-link = Enlace de comentarios para { $name }
contest-new-feedback-link = Enlace privado de comentarios para { $name } (se muestra una sola vez; envíaselo solo a esa persona)

edit-summary = Editar el concurso
edit-title = Título
edit-criteria = Criterios
edit-contestants = Participantes
edit-rounds = Rondas
edit-criterion = Criterio
edit-weight = Peso
edit-min = Mín
edit-max = Máx
edit-step = Paso
edit-description = Descripción
edit-round = Ronda
edit-contestant = Participante
edit-remove = Quitar
edit-remove-criterion = Quitar este criterio
edit-remove-contestant = Quitar a este participante
edit-remove-round = Quitar esta ronda
edit-add-criterion = + Añadir criterio
edit-add-contestant = + Añadir participante
edit-add-round = + Añadir ronda
edit-rule = Antes de la primera puntuación se puede cambiar todo. Después, solo los nombres y las descripciones; se rechaza un peso, un rango o una eliminación que cambiaría el sentido de las puntuaciones guardadas.
edit-save = Guardar cambios
