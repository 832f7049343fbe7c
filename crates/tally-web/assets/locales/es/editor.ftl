# El editor de presentaciones: /new y /edit/{id}.
editor-page-title-new = Nueva presentación · Tally
editor-page-title-edit = Editar presentación · Tally
editor-heading-new = Nueva presentación
editor-heading-edit = Editar presentación
editor-home = Todas las presentaciones
editor-start = Empezar con
editor-toolbar = Acciones de la presentación

## Empezar una presentación
editor-start-blank = En blanco
editor-start-blank-hint = Una diapositiva vacía: usted construye la presentación.
editor-start-blank-button = Empezar en blanco
editor-start-template = Plantilla
editor-template-slides = { $n ->
    [one] { $n } diapositiva
   *[other] { $n } diapositivas
}
editor-template-icebreaker = Rompehielos
editor-template-quiz = Quiz rápido
editor-template-retrospective = Retrospectiva
editor-template-event-feedback = Opiniones sobre el evento
editor-start-outline = Esquema
editor-outline-label = Pegar un esquema
editor-outline-hint = Markdown: un título por pregunta (# …), sus opciones como viñetas (- …); marque la respuesta de un quiz con - [x]. O CSV: una pregunta por fila, sus opciones en las celdas siguientes.
editor-outline-placeholder = # ¿Dónde nos vemos la próxima vez?
    - Berlín
    - Lisboa
editor-outline-read = Leer el esquema
editor-outline-file = Elegir un archivo .md o .csv
editor-outline-empty = Pegue primero un esquema, o elija un archivo.
editor-outline-refused-at = No se pudo leer la pregunta { $n } del esquema. Revise su título y sus viñetas.
editor-start-file = Archivo de presentación
editor-start-file-hint = Un archivo .json exportado de Tally. Se convierte en una presentación nueva con su propio código.
editor-start-file-button = Elegir un archivo
editor-file-not-json = Este archivo no es un archivo de presentación: no contiene JSON.
editor-file-refused-at = Se rechazó la diapositiva { $n } de este archivo: { $reason }
editor-start-again = Empezar de nuevo

## La barra
editor-deck-title = Título de la presentación
editor-deck-title-placeholder = Se muestra en los móviles y en la pantalla grande
editor-filter = Filtro de palabrotas para los textos del público
editor-filter-off = Desactivado
editor-filter-standard = Estándar
editor-filter-strict = Estricto
editor-undo = Deshacer
editor-redo = Rehacer
editor-save = Guardar
editor-create = Crear la presentación
editor-console = Consola
editor-export = Exportar archivo
editor-duplicate-deck = Duplicar presentación
editor-dismiss = Cerrar
editor-status-new = Aún sin crear · borrador guardado en este navegador
editor-status-unsaved = Cambios sin guardar · borrador guardado en este navegador
editor-status-saved = Todo guardado (versión { $revision })
editor-status-busy = Un momento…
editor-shortcuts = Atajos: Ctrl+Z deshacer, Ctrl+Mayús+Z rehacer, Ctrl+S guardar, Alt+↑/↓ mueve la diapositiva elegida, Intro en una opción añade la siguiente. Una presentación tiene hasta { $max } diapositivas.
editor-undone = Deshecho.
editor-redone = Rehecho.

## La lista de diapositivas
editor-slides = { $n ->
    [one] { $n } diapositiva
   *[other] { $n } diapositivas
}
editor-slides-help = Arrastre una diapositiva por su asa, o pulse Alt+↑ o Alt+↓ para moverla.
editor-add-slide = + Diapositiva
editor-drag = Arrastrar para mover
editor-untitled = (aún sin pregunta)
editor-on-screen = En pantalla
editor-slide-problems = { $n ->
    [one] { $n } problema
   *[other] { $n } problemas
}
editor-moved = Diapositiva { $from } movida a la posición { $to } de { $total }.
editor-added = Diapositiva { $n } añadida.
editor-duplicated = Diapositiva { $n } duplicada como diapositiva { $to }.
editor-deleted = Diapositiva { $n } eliminada. Ctrl+Z la recupera.

## El formulario de la diapositiva
editor-slide-of = Diapositiva { $n } de { $total }
editor-round = Ronda { $n }
editor-move-up = ↑ Subir
editor-move-down = ↓ Bajar
editor-move-up-label = Subir la diapositiva { $n }
editor-move-down-label = Bajar la diapositiva { $n }
editor-duplicate-slide = Duplicar
editor-delete-slide = Eliminar
editor-live-hint = Editar el texto es seguro mientras se vota. Quitar una opción, o cambiar el tipo o las reglas de una diapositiva con votos, empieza una ronda nueva.
editor-question = Pregunta
editor-count = { $n } de { $max } caracteres
editor-image = Imagen junto a la pregunta
editor-image-add = Añadir una imagen (PNG, JPEG, WebP o GIF)
editor-image-alt = Describa la imagen
editor-image-alt-hint = Se lee a quien no puede verla. Obligatoria, hasta { $max } caracteres.
editor-image-remove = Quitar la imagen
editor-image-after-create = Podrá añadir imágenes una vez creada la presentación.
editor-type = Tipo de diapositiva
editor-type-single = Opción única
editor-type-multiple = Opción múltiple
editor-type-scale = Escala de valoración
editor-type-ranking = Clasificación
editor-type-points = 100 puntos
editor-type-wordcloud = Nube de palabras
editor-type-open = Texto libre
editor-type-quiz = Quiz
editor-type-qa = Preguntas y respuestas
editor-type-content = Diapositiva de contenido
editor-heading = Título
editor-body = Texto
editor-body-hint = Párrafos (separados por una línea en blanco), **negrita**, *cursiva* y listas (- o 1.). Sin enlaces, HTML ni títulos.
editor-err-body-long = El texto tiene { $n } caracteres; una diapositiva admite como máximo { $max }.
editor-err-body-html = El HTML no se muestra en una diapositiva: escriba texto simple, con **negrita**, *cursiva* o listas.
editor-err-body-link = Los enlaces no se muestran en una diapositiva: escriba la dirección como texto.
editor-err-body-heading = El título de la diapositiva tiene su propio campo: quite el # al principio de la línea.
editor-options = Opciones
editor-statements = Afirmaciones que valorar
editor-options-hint = { $n } de { $max } opciones. Intro en una opción añade la siguiente; Alt+↑ o Alt+↓ la mueve.
editor-option-moved = Opción { $from } movida a la posición { $to } de { $total }.
editor-option-n = Opción { $n }
editor-statement-n = Afirmación { $n }
editor-correct = Correcta
editor-remove-option = Quitar la opción { $n }
editor-add-option = + Opción
editor-add-statement = + Afirmación
editor-no-options-wordcloud = El público envía palabras; la pantalla grande las muestra como nube. Sus opciones se conservan si vuelve a cambiar.
editor-no-options-open = El público escribe una respuesta; la pantalla grande las muestra como tarjetas. Sus opciones se conservan si vuelve a cambiar.
editor-no-options-qa = El público hace preguntas y las vota. Sus opciones se conservan si vuelve a cambiar.
editor-settings = Ajustes de esta diapositiva
editor-default = Vacío: { $value }
editor-min-choices = Mínimo de opciones elegidas
editor-max-choices = Máximo de opciones elegidas
editor-scale-min = Escala desde
editor-scale-max = Escala hasta
editor-scale-min-label = Etiqueta del valor más bajo
editor-scale-max-label = Etiqueta del valor más alto
editor-points-budget = Puntos que repartir
editor-max-entries = Palabras por persona
editor-max-length = Caracteres por respuesta
editor-quiz-points = Puntos por una respuesta correcta
editor-timer = Temporizador en segundos (vacío: ninguno)
editor-allow-change = El público puede cambiar su voto
editor-results-after-vote = Los móviles muestran resultados solo después de votar
editor-moderated = Retener las respuestas hasta que yo las apruebe
editor-notes = Notas del presentador
editor-notes-hint = Solo usted las ve, en la consola.

## Errores junto a los campos, y el resumen
editor-summary = { $n ->
    [one] Hay un problema
   *[other] Hay { $n } problemas
}
editor-summary-item = Diapositiva { $n }: { $text }
editor-err-question-empty = Escriba una pregunta.
editor-err-question-long = Acorte la pregunta a { $max } caracteres como máximo (tiene { $n }).
editor-err-option-empty = Escriba el texto de la opción { $n }, o quítela.
editor-err-option-long = Acorte la opción { $n } a { $max } caracteres como máximo (tiene { $count }).
editor-err-option-same = La opción { $n } es igual a la opción { $other }: el público no podría distinguirlas.
editor-err-options-many = Escriba como máximo { $max } opciones (esta diapositiva tiene { $n }).
editor-err-scale-text = Las afirmaciones suman { $chars } caracteres; una escala de valoración admite { $limit } en total, para que la pantalla grande muestre cada afirmación. Acórtelas o divida la diapositiva.
editor-err-number-range = Escriba un número entero de { $min } a { $max }, o déjelo vacío.
editor-err-whole-number = Escriba un número entero.
editor-err-choices-order = El mínimo de opciones ({ $min }) no puede superar el máximo ({ $max }).
editor-err-scale-order = La escala debe subir: «hasta» ({ $max }) debe ser mayor que «desde» ({ $min }).
editor-err-scale-span = Una escala abarca como máximo { $max } pasos.
editor-err-correct-none = Marque al menos una opción como correcta.
editor-err-correct-count = Marque de { $min } a { $max } opciones correctas (ahora { $count }), o cambie el número de opciones elegidas.
editor-err-notes-long = Acorte las notas a { $max } caracteres como máximo (tienen { $n }).
editor-err-title-long = Acorte el título a { $max } caracteres como máximo (tiene { $n }).
editor-err-alt-empty = Describa la imagen para quien no puede verla.
editor-err-alt-long = Acorte la descripción a { $max } caracteres como máximo (tiene { $n }).
editor-err-no-slides = Añada al menos una diapositiva.
editor-err-slides-many = Una presentación tiene como máximo { $max } diapositivas (esta tiene { $n }).

## Guardar
editor-saving = Guardando…
editor-creating = Creando la presentación…
editor-saved = Guardado. Los móviles y la pantalla grande ya muestran el cambio.
editor-refused = Tally rechazó la presentación: { $reason }
editor-stale = Otra persona guardó esta presentación (ahora versión { $revision }) desde que usted la abrió. Sus cambios no se guardaron y no se sobrescribió nada de lo suyo. Cargue su versión y vuelva a hacer su cambio: Ctrl+Z recupera el suyo para copiarlo.
editor-changed-elsewhere = Otra persona acaba de guardar esta presentación (versión { $revision }). Sus cambios sin guardar no sustituirían los suyos: cargue su versión y vuelva a hacer su cambio.
editor-updated-elsewhere = Actualizado a la versión { $revision }, guardada en otro lugar.
editor-load-latest = Cargar la última versión
editor-reloaded = Esta es la última versión ({ $revision }). Ctrl+Z muestra otra vez sus cambios.
editor-has-votes = La diapositiva { $slide } ya tiene votos en esta ronda, y { $what } cambiaría lo que significan esos votos. Para hacerlo, empiece una ronda nueva: los votos recibidos se conservan en la ronda anterior y la diapositiva cuenta desde cero.
editor-edit-option_removed = quitar «{ $option }»
editor-edit-type = cambiar su tipo
editor-edit-rules = cambiar sus reglas (opciones elegidas, escala, puntos o respuestas correctas)
editor-edit-other = este cambio
editor-new-round = Empezar una ronda nueva y guardar
editor-cannot-remove = La diapositiva { $slide } tiene votos, así que no se puede eliminar: se perderían sus resultados. Deshaga la eliminación, o simplemente no la muestre.
editor-cannot-change = La diapositiva { $slide } tiene preguntas del público, así que su tipo no puede cambiar. Deshaga el cambio, o añada una diapositiva nueva.
editor-on-screen-refused = Una diapositiva eliminada está ahora en la pantalla grande (diapositiva { $slide }). Pase primero a otra diapositiva en la consola, o deshaga la eliminación.
editor-draft-restored = Sus cambios sin guardar de las { $when } han vuelto.
editor-discard-draft = Descartarlos
editor-exported = El archivo de la presentación se ha descargado.
editor-exported-unsaved = El archivo de la presentación se ha descargado, con sus cambios sin guardar.
editor-copy-title = Copia de { $title }
editor-duplicated-deck = Se creó una copia de esta presentación, con el código { $code }.
editor-duplicated-deck-unsaved = Se creó una copia de la presentación guardada, con el código { $code }. Sus cambios sin guardar solo están aquí.
editor-open-copy = Abrir la copia

## La vista previa
editor-preview = Vista previa
editor-pv-phone = Móvil
editor-pv-screen = Pantalla grande
editor-pv-phone-label = Así se ve la diapositiva { $n } en un móvil
editor-pv-screen-label = Así se ve la diapositiva { $n } en la pantalla grande
editor-pv-live = En vivo
editor-pv-slide = Diapositiva { $n } de { $total }
editor-pv-vote = Votar
editor-pv-send = Enviar
editor-pv-word = Palabra { $n }
editor-pv-answer = Su respuesta
editor-pv-ask = Hacer una pregunta
editor-pv-points-left = { $n } puntos que repartir
editor-pv-join = Únase en esta dirección con el código
editor-pv-timer = { $n } s
editor-pv-more = { $n } más
editor-pv-cloud = Las palabras aparecen aquí a medida que llegan
editor-pv-answers = Las respuestas aparecen aquí como tarjetas
editor-pv-questions = Las preguntas aparecen aquí, las más votadas primero
