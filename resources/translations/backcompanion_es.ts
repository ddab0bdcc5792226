<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>About %1</source>
            <translation>Acerca de %1</translation>
        </message>
        <message>
            <source>A companion for a home exercise program for low back pain.</source>
            <translation>Un acompañante para tu programa de ejercicios en casa para el dolor lumbar.</translation>
        </message>
        <message>
            <source>Stop and get medical advice if:</source>
            <translation>Para y pide consejo médico si:</translation>
        </message>
        <message>
            <source>Text set in Atkinson Hyperlegible by the Braille Institute (SIL Open Font License).</source>
            <translation>Texto en la fuente Atkinson Hyperlegible, del Braille Institute (SIL Open Font License).</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Cerrar</translation>
        </message>
    </context>
    <context>
        <name>Adherence</name>
        <message>
            <source>{done} of {target} days</source>
            <translation>{done} de {target} días</translation>
        </message>
        <message>
            <source>no full week yet</source>
            <translation>aún no hay ninguna semana completa</translation>
        </message>
        <message>
            <source>{percent} % of the days asked</source>
            <translation>{percent} % de los días pedidos</translation>
        </message>
        <message>
            <source>This week: {days}.</source>
            <translation>Esta semana: {days}.</translation>
        </message>
        <message>
            <source>Since {day}: {share}.</source>
            <translation>Desde el {day}: {share}.</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <source>{problem}. The built-in program is in use instead.</source>
            <translation>{problem}. Se usa en su lugar el programa incluido.</translation>
        </message>
        <message>
            <source>The settings file {file} is larger than 1 MB, far more than settings need, so it was not read: it was kept as {aside}, and the default settings are in use.</source>
            <translation>El archivo de ajustes {file} ocupa más de 1 MB, mucho más de lo que necesitan unos ajustes, así que no se ha leído: se ha guardado como {aside} y se usan los ajustes predeterminados.</translation>
        </message>
        <message>
            <source>Another BackCompanion is writing to {folder}. Try again in a moment.</source>
            <translation>Otro BackCompanion está escribiendo en {folder}. Vuelve a intentarlo dentro de un momento.</translation>
        </message>
        <message>
            <source>The backup failed: {reason}</source>
            <translation>La copia de seguridad ha fallado: {reason}</translation>
        </message>
        <message>
            <source>Backed up to {path}</source>
            <translation>Copia de seguridad guardada en {path}</translation>
        </message>
    </context>
    <context>
        <name>Breathing</name>
        <message>
            <source>in {seconds} s</source>
            <translation>inspira {seconds} s</translation>
        </message>
        <message>
            <source>hold {seconds} s</source>
            <translation>mantén {seconds} s</translation>
        </message>
        <message>
            <source>out {seconds} s</source>
            <translation>espira {seconds} s</translation>
        </message>
        <message>
            <source>{first}, {then}</source>
            <translation>{first}, {then}</translation>
        </message>
        <message>
            <source>{pace} ({rate} breaths a minute)</source>
            <translation>{pace} ({rate} respiraciones por minuto)</translation>
        </message>
    </context>
    <context>
        <name>BreathingPage</name>
        <message>
            <source>90/90 breathing</source>
            <translation>Respiración 90/90</translation>
        </message>
        <message>
            <source>or</source>
            <translation>o</translation>
        </message>
        <message>
            <source>Done breathing</source>
            <translation>Terminar respiración</translation>
        </message>
        <message>
            <source>N</source>
            <comment>keyboard key</comment>
            <translation>N</translation>
        </message>
        <message>
            <source>Done breathing: go on to the stretches</source>
            <translation>Terminar respiración: pasa a los estiramientos</translation>
        </message>
        <message>
            <source>Done breathing: go on to the stretches (N)</source>
            <translation>Terminar respiración: pasa a los estiramientos (N)</translation>
        </message>
        <message>
            <source>Breath %1 of %2</source>
            <translation>Respiración %1 de %2</translation>
        </message>
        <message>
            <source>Position</source>
            <translation>Posición</translation>
        </message>
        <message>
            <source>Breathing</source>
            <translation>Respiración</translation>
        </message>
    </context>
    <context>
        <name>CuePlayer</name>
        <message>
            <source>Install BackCompanion's sound extra: pip install 'backcompanion[sound]'</source>
            <translation>Instala el complemento de sonido de BackCompanion: pip install 'backcompanion[sound]'</translation>
        </message>
        <message>
            <source>No sound output found</source>
            <translation>No se ha encontrado ninguna salida de sonido</translation>
        </message>
        <message>
            <source>The sound could not start: {error}</source>
            <translation>No se ha podido iniciar el sonido: {error}</translation>
        </message>
        <message>
            <source>The voice could not start: {error}</source>
            <translation>No se ha podido iniciar la voz: {error}</translation>
        </message>
        <message>
            <source>No voice installed</source>
            <translation>No hay ninguna voz instalada</translation>
        </message>
        <message>
            <source>No voice installed for {language}</source>
            <translation>No hay ninguna voz instalada para {language}</translation>
        </message>
        <message>
            <source>The speech service (speech-dispatcher) does not answer</source>
            <translation>El servicio de voz (speech-dispatcher) no responde</translation>
        </message>
    </context>
    <context>
        <name>Cues</name>
        <message>
            <source>Breathe in</source>
            <translation>Inspira</translation>
        </message>
        <message>
            <source>Breathe out</source>
            <translation>Espira</translation>
        </message>
        <message>
            <source>Hold</source>
            <translation>Mantén</translation>
        </message>
        <message>
            <source>Release</source>
            <translation>Suelta</translation>
        </message>
        <message>
            <source>Switch sides: {side}</source>
            <translation>Cambia de lado: {side}</translation>
        </message>
        <message>
            <source>Next up: {name}</source>
            <translation>A continuación: {name}</translation>
        </message>
        <message>
            <source>And now, after the session?</source>
            <translation>¿Y ahora, después de la sesión?</translation>
        </message>
        <message>
            <source>Well done: session complete</source>
            <translation>Bien hecho: sesión completada</translation>
        </message>
    </context>
    <context>
        <name>DailyCheckPage</name>
        <message>
            <source>Nothing new? Press Enter. Otherwise tick what started.</source>
            <translation>¿Nada nuevo? Pulsa Intro. Si no, marca lo que ha empezado.</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Guardar</translation>
        </message>
    </context>
    <context>
        <name>DataFile</name>
        <message>
            <source>a character that is not allowed in YAML (a control character?)</source>
            <translation>hay un carácter que YAML no admite (¿un carácter de control?)</translation>
        </message>
        <message>
            <source>the file is empty</source>
            <translation>el archivo está vacío</translation>
        </message>
        <message>
            <source>anchors and aliases (&amp; and *) are not allowed</source>
            <translation>no se admiten anclas ni alias (&amp; y *)</translation>
        </message>
        <message>
            <source>a key must be a plain word</source>
            <translation>una clave debe ser una palabra sencilla</translation>
        </message>
        <message>
            <source>this key appears twice</source>
            <translation>esta clave aparece dos veces</translation>
        </message>
        <message>
            <source>unsupported YAML construct</source>
            <translation>construcción de YAML no admitida</translation>
        </message>
        <message>
            <source>{value} is not a valid {kind}</source>
            <translation>{value} no es un valor {kind} válido</translation>
        </message>
        <message>
            <source>unknown key (allowed: {allowed})</source>
            <translation>clave desconocida (se admiten: {allowed})</translation>
        </message>
        <message>
            <source>this key is missing</source>
            <translation>falta esta clave</translation>
        </message>
        <message numerus="yes">
            <source>expected at least %n item(s)</source>
            <translation>
                <numerusform>se esperaba al menos %n elemento</numerusform>
                <numerusform>se esperaban al menos %n elementos</numerusform>
            </translation>
        </message>
        <message>
            <source>must not be empty</source>
            <translation>no puede estar vacío</translation>
        </message>
        <message>
            <source>too long ({length} characters, at most {limit})</source>
            <translation>demasiado largo ({length} caracteres, como máximo {limit})</translation>
        </message>
        <message>
            <source>the tag {tag} is not allowed</source>
            <translation>no se admite la etiqueta {tag}</translation>
        </message>
        <message>
            <source>not valid YAML: {problem}</source>
            <translation>no es YAML válido: {problem}</translation>
        </message>
        <message>
            <source>{value} is out of range ({lo} to {hi})</source>
            <translation>{value} está fuera del intervalo permitido (de {lo} a {hi})</translation>
        </message>
        <message>
            <source>expected a mapping, found {found}</source>
            <translation>se esperaba una lista de claves con sus valores y hay {found}</translation>
        </message>
        <message>
            <source>expected a list, found {found}</source>
            <translation>se esperaba una lista y hay {found}</translation>
        </message>
        <message>
            <source>expected text, found {found}</source>
            <translation>se esperaba un texto y hay {found}</translation>
        </message>
        <message>
            <source>expected true or false, found {found}</source>
            <translation>se esperaba true o false y hay {found}</translation>
        </message>
        <message>
            <source>expected a whole number, found {found}</source>
            <translation>se esperaba un número entero y hay {found}</translation>
        </message>
        <message>
            <source>expected a number, found {found}</source>
            <translation>se esperaba un número y hay {found}</translation>
        </message>
        <message>
            <source>nothing</source>
            <translation>nada</translation>
        </message>
        <message>
            <source>the number {value}</source>
            <translation>el número {value}</translation>
        </message>
        <message>
            <source>the text {text}</source>
            <translation>el texto {text}</translation>
        </message>
        <message>
            <source>a list</source>
            <translation>una lista</translation>
        </message>
        <message>
            <source>a mapping</source>
            <translation>una lista de claves con sus valores</translation>
        </message>
        <message>
            <source>cannot read the file ({reason})</source>
            <translation>no se puede leer el archivo ({reason})</translation>
        </message>
        <message>
            <source>the file is larger than {mb} MB, far more than any real one needs; it was not read</source>
            <translation>el archivo ocupa más de {mb} MB, mucho más de lo que necesita uno de verdad; no se ha leído</translation>
        </message>
        <message>
            <source>the file is not UTF-8 text</source>
            <translation>el archivo no es texto UTF-8</translation>
        </message>
    </context>
    <context>
        <name>DataFolder</name>
        <message>
            <source>Your history stays in {old}: it could not be moved to {new} ({reason}).</source>
            <translation>Su historial sigue en {old}: no se pudo mover a {new} ({reason}).</translation>
        </message>
        <message>
            <source>There are two histories. BackCompanion uses the newer one, in {used}; the other, in {other}, is left untouched.</source>
            <translation>Hay dos historiales. BackCompanion usa el más reciente, en {used}; el otro, en {other}, se deja intacto.</translation>
        </message>
    </context>
    <context>
        <name>DateFormat</name>
        <message>
            <source>{day} {month}</source>
            <comment>a day and a short month: 23 Nov</comment>
            <translation>{day} {month}</translation>
        </message>
        <message>
            <source>{weekday} {day} {month}</source>
            <comment>short weekday and month: Mon 23 Nov</comment>
            <translation>{weekday} {day} {month}</translation>
        </message>
        <message>
            <source>{day} {month} {year}</source>
            <comment>short month: 23 Nov 2026</comment>
            <translation>{day} {month} {year}</translation>
        </message>
        <message>
            <source>{weekday} {day} {month} {year}</source>
            <comment>full names: Monday 23 November 2026</comment>
            <translation>{weekday}, {day} de {month} de {year}</translation>
        </message>
    </context>
    <context>
        <name>DayPlan</name>
        <message>
            <source>Your pain is {rating} out of 10 today: stretching only, every hold at its shortest.</source>
            <translation>Hoy tu dolor es de {rating} sobre 10: solo estiramientos, cada uno mantenido el menor tiempo.</translation>
        </message>
        <message>
            <source>Your pain is {rating} out of 10 today: breathing only, no exercises.</source>
            <translation>Hoy tu dolor es de {rating} sobre 10: solo la respiración, sin ejercicios.</translation>
        </message>
    </context>
    <context>
        <name>DesktopNotifier</name>
        <message>
            <source>Start now</source>
            <translation>Empezar ahora</translation>
        </message>
    </context>
    <context>
        <name>DonePage</name>
        <message>
            <source>Back to start</source>
            <translation>Volver al inicio</translation>
        </message>
        <message>
            <source>Back to the start page</source>
            <translation>Volver a la página de inicio</translation>
        </message>
        <message>
            <source>Session stopped: what you did is saved</source>
            <translation>Sesión detenida: lo que has hecho está guardado</translation>
        </message>
        <message numerus="yes">
            <source>Partly done: {done} of %n exercise(s)</source>
            <translation>
                <numerusform>Sesión hecha en parte: {done} de %n ejercicio</numerusform>
                <numerusform>Sesión hecha en parte: {done} de %n ejercicios</numerusform>
            </translation>
        </message>
        <message>
            <source>Well done: session complete</source>
            <translation>Bien hecho: sesión completada</translation>
        </message>
        <message>
            <source>Pain before: %1 · after: %2</source>
            <translation>Dolor antes: %1 · después: %2</translation>
        </message>
        <message>
            <source>Pain before: %1</source>
            <translation>Dolor antes: %1</translation>
        </message>
        <message>
            <source>Pain after: %1</source>
            <translation>Dolor después: %1</translation>
        </message>
        <message numerus="yes">
            <source>{done} of %n exercise(s) done</source>
            <translation>
                <numerusform>{done} de %n ejercicio hecho</numerusform>
                <numerusform>{done} de %n ejercicios hechos</numerusform>
            </translation>
        </message>
        <message>
            <source>{percent} % of the repeats done</source>
            <translation>{percent} % de las repeticiones hechas</translation>
        </message>
        <message numerus="yes">
            <source>%n exercise</source>
            <translation>
                <numerusform>%n ejercicio</numerusform>
                <numerusform>%n ejercicios</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n exercises</source>
            <translation>
                <numerusform>%n ejercicio</numerusform>
                <numerusform>%n ejercicios</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n minute</source>
            <translation>
                <numerusform>%n minuto</numerusform>
                <numerusform>%n minutos</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n minutes</source>
            <translation>
                <numerusform>%n minuto</numerusform>
                <numerusform>%n minutos</numerusform>
            </translation>
        </message>
        <message>
            <source>{exercises} · {time}</source>
            <comment>what was done: exercises, then time</comment>
            <translation>{exercises} · {time}</translation>
        </message>
        <message>
            <source>less than a minute</source>
            <translation>menos de un minuto</translation>
        </message>
    </context>
    <context>
        <name>Duration</name>
        <message>
            <source>{minutes} min</source>
            <translation>{minutes} min</translation>
        </message>
        <message>
            <source>{hours} h {minutes} min</source>
            <translation>{hours} h {minutes} min</translation>
        </message>
        <message numerus="yes">
            <source>%n day(s)</source>
            <translation>
                <numerusform>%n día</numerusform>
                <numerusform>%n días</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n hour(s)</source>
            <translation>
                <numerusform>%n hora</numerusform>
                <numerusform>%n horas</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>EasierBanner</name>
        <message>
            <source>Easier version</source>
            <translation>Versión más fácil</translation>
        </message>
        <message>
            <source>Do the easier version</source>
            <translation>Haz la versión más fácil</translation>
        </message>
        <message>
            <source>Do the easier version instead</source>
            <translation>Haz mejor la versión más fácil</translation>
        </message>
        <message>
            <source>Skip</source>
            <translation>Saltar</translation>
        </message>
        <message>
            <source>Skip this exercise</source>
            <translation>Salta este ejercicio</translation>
        </message>
        <message>
            <source>Try the easier version: %1</source>
            <translation>Prueba la versión más fácil: %1</translation>
        </message>
    </context>
    <context>
        <name>EffortStrip</name>
        <message>
            <source>Effort question</source>
            <translation>Pregunta de esfuerzo</translation>
        </message>
        <message>
            <source>Easy</source>
            <translation>Fácil</translation>
        </message>
        <message>
            <source>Right</source>
            <translation>Adecuado</translation>
        </message>
        <message>
            <source>Hard</source>
            <translation>Difícil</translation>
        </message>
        <message>
            <source>Painful</source>
            <translation>Doloroso</translation>
        </message>
        <message>
            <source>Effort: %1</source>
            <translation>Esfuerzo: %1</translation>
        </message>
        <message>
            <source>%1 (key %2)</source>
            <translation>%1 (tecla %2)</translation>
        </message>
        <message>
            <source>How was %1?</source>
            <translation>%1: ¿qué tal te ha ido?</translation>
        </message>
    </context>
    <context>
        <name>ExerciseCard</name>
        <message>
            <source>Now</source>
            <translation>Ahora</translation>
        </message>
        <message>
            <source>Locked</source>
            <translation>Bloqueado</translation>
        </message>
        <message>
            <source>Position</source>
            <translation>Posición</translation>
        </message>
        <message>
            <source>Movement</source>
            <translation>Movimiento</translation>
        </message>
        <message>
            <source>Feel</source>
            <translation>Sensación</translation>
        </message>
        <message>
            <source>Avoid</source>
            <translation>Evita</translation>
        </message>
    </context>
    <context>
        <name>ExerciseCarousel</name>
        <message>
            <source>Exercises</source>
            <translation>Ejercicios</translation>
        </message>
        <message>
            <source>Left and Right arrow keys move between the exercises.</source>
            <translation>Las flechas izquierda y derecha pasan de un ejercicio a otro.</translation>
        </message>
        <message>
            <source>‹  Previous</source>
            <translation>‹  Anterior</translation>
        </message>
        <message>
            <source>Previous exercise</source>
            <translation>Ejercicio anterior</translation>
        </message>
        <message>
            <source>Previous exercise (Left arrow key)</source>
            <translation>Ejercicio anterior (flecha izquierda)</translation>
        </message>
        <message>
            <source>Next  ›</source>
            <translation>Siguiente  ›</translation>
        </message>
        <message>
            <source>Next exercise</source>
            <translation>Ejercicio siguiente</translation>
        </message>
        <message>
            <source>Next exercise (Right arrow key)</source>
            <translation>Ejercicio siguiente (flecha derecha)</translation>
        </message>
        <message numerus="yes">
            <source>%n breaths</source>
            <translation>
                <numerusform>%n respiración</numerusform>
                <numerusform>%n respiraciones</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n repeats per side</source>
            <translation>
                <numerusform>%n repetición por lado</numerusform>
                <numerusform>%n repeticiones por lado</numerusform>
            </translation>
        </message>
        <message>
            <source>{repeats} ({sides})</source>
            <translation>{repeats} ({sides})</translation>
        </message>
        <message numerus="yes">
            <source>%n repeats</source>
            <translation>
                <numerusform>%n repetición</numerusform>
                <numerusform>%n repeticiones</numerusform>
            </translation>
        </message>
        <message>
            <source>{repeats}, {side} only</source>
            <translation>{repeats}, solo {side}</translation>
        </message>
        <message>
            <source>Hold {seconds} s · {repeats}</source>
            <translation>Mantén {seconds} s · {repeats}</translation>
        </message>
        <message>
            <source>Breathing</source>
            <translation>Respiración</translation>
        </message>
        <message>
            <source>Stretch</source>
            <translation>Estiramiento</translation>
        </message>
        <message>
            <source>Strengthening</source>
            <translation>Fortalecimiento</translation>
        </message>
        <message>
            <source>Easier version of {name}</source>
            <translation>Versión más fácil de {name}</translation>
        </message>
        <message>
            <source>{index} of {count}</source>
            <translation>{index} de {count}</translation>
        </message>
        <message>
            <source>Now</source>
            <translation>Ahora</translation>
        </message>
        <message>
            <source>Locked</source>
            <translation>Bloqueado</translation>
        </message>
        <message>
            <source>Go to {name}</source>
            <translation>Ir a {name}</translation>
        </message>
        <message>
            <source>Go to exercise {index} of {count}: {name}</source>
            <translation>Ir al ejercicio {index} de {count}: {name}</translation>
        </message>
    </context>
    <context>
        <name>ExerciseForm</name>
        <message>
            <source> s</source>
            <translation> s</translation>
        </message>
        <message>
            <source>Shortest hold</source>
            <translation>Mantenimiento más corto</translation>
        </message>
        <message>
            <source>Longest hold</source>
            <translation>Mantenimiento más largo</translation>
        </message>
        <message>
            <source>to</source>
            <translation>a</translation>
        </message>
        <message>
            <source>own setting</source>
            <translation>tu ajuste</translation>
        </message>
        <message>
            <source>Offer the easier &amp;version</source>
            <translation>Ofrecer la &amp;versión más fácil</translation>
        </message>
        <message>
            <source>A short note for this exercise</source>
            <translation>Una nota breve para este ejercicio</translation>
        </message>
        <message>
            <source>&amp;Hold, shortest to longest</source>
            <translation>&amp;Mantener, del más corto al más largo</translation>
        </message>
        <message>
            <source>R&amp;epeats (per side)</source>
            <translation>Rep&amp;eticiones (por lado)</translation>
        </message>
        <message>
            <source>S&amp;ides</source>
            <translation>&amp;Lados</translation>
        </message>
        <message>
            <source>Rest between re&amp;peats</source>
            <translation>Des&amp;canso entre repeticiones</translation>
        </message>
        <message>
            <source>Exer&amp;cise note</source>
            <translation>Nota del ejercic&amp;io</translation>
        </message>
        <message>
            <source>Both sides</source>
            <translation>Ambos lados</translation>
        </message>
        <message>
            <source>%1 only</source>
            <translation>Solo %1</translation>
        </message>
        <message>
            <source>Done once (no sides)</source>
            <translation>Una sola vez (sin lados)</translation>
        </message>
    </context>
    <context>
        <name>ExercisePage</name>
        <message>
            <source>Back</source>
            <translation>Anterior</translation>
        </message>
        <message>
            <source>Back: restart this exercise, or the one before</source>
            <translation>Anterior: empieza de nuevo este ejercicio o vuelve al anterior</translation>
        </message>
        <message>
            <source>Back: restart this exercise, or go to the one before (B)</source>
            <translation>Anterior: empieza de nuevo este ejercicio o vuelve al anterior (B)</translation>
        </message>
        <message>
            <source>Next</source>
            <translation>Siguiente</translation>
        </message>
        <message>
            <source>Next: go on to the next repeat</source>
            <translation>Siguiente: pasa a la siguiente repetición</translation>
        </message>
        <message>
            <source>Next: go on to the next repeat (N)</source>
            <translation>Siguiente: pasa a la siguiente repetición (N)</translation>
        </message>
        <message>
            <source>This hurts</source>
            <translation>Me duele</translation>
        </message>
        <message>
            <source>This hurts: end this exercise</source>
            <translation>Me duele: termina este ejercicio</translation>
        </message>
        <message>
            <source>This hurts: end this exercise and note it (H)</source>
            <translation>Me duele: termina este ejercicio y queda anotado (H)</translation>
        </message>
        <message>
            <source>Too hard</source>
            <translation>Muy difícil</translation>
        </message>
        <message>
            <source>B</source>
            <comment>keyboard key</comment>
            <translation>B</translation>
        </message>
        <message>
            <source>N</source>
            <comment>keyboard key</comment>
            <translation>N</translation>
        </message>
        <message>
            <source>H</source>
            <comment>keyboard key</comment>
            <translation>H</translation>
        </message>
        <message>
            <source>T</source>
            <comment>keyboard key</comment>
            <translation>T</translation>
        </message>
        <message>
            <source>Too hard: the easier version, or skip (T)</source>
            <translation>Muy difícil: haz la versión más fácil o sáltalo (T)</translation>
        </message>
        <message>
            <source>Position</source>
            <translation>Posición</translation>
        </message>
        <message>
            <source>Movement</source>
            <translation>Movimiento</translation>
        </message>
        <message>
            <source>Rep %1 of %2</source>
            <translation>Repetición %1 de %2</translation>
        </message>
        <message>
            <source>Switch sides: %1</source>
            <translation>Cambia de lado: %1</translation>
        </message>
        <message>
            <source>Strengthening %1 of %2</source>
            <translation>Fortalecimiento %1 de %2</translation>
        </message>
        <message>
            <source>Stretch %1 of %2</source>
            <translation>Estiramiento %1 de %2</translation>
        </message>
        <message>
            <source>Hold</source>
            <translation>Mantén</translation>
        </message>
        <message>
            <source>Release</source>
            <translation>Suelta</translation>
        </message>
        <message>
            <source>Get ready: %1</source>
            <translation>Prepárate: %1</translation>
        </message>
        <message>
            <source>Get ready</source>
            <translation>Prepárate</translation>
        </message>
        <message>
            <source>Breathe out into the stretch</source>
            <translation>Espira y relájate en el estiramiento</translation>
        </message>
        <message>
            <source>Keep breathing</source>
            <translation>Sigue respirando</translation>
        </message>
        <message>
            <source>Relax and breathe</source>
            <translation>Relájate y respira</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>Week {week}, {year}: {first} to {last} (this week, not over yet)</source>
            <translation>Semana {week} de {year}: del {first} al {last} (esta semana, aún sin terminar)</translation>
        </message>
        <message>
            <source>Week {week}, {year}: {first} to {last} (last full week)</source>
            <translation>Semana {week} de {year}: del {first} al {last} (última semana completa)</translation>
        </message>
        <message>
            <source>Week {week}, {year}: {first} to {last}</source>
            <translation>Semana {week} de {year}: del {first} al {last}</translation>
        </message>
        <message>
            <source>Export weekly summary</source>
            <translation>Exportar el resumen semanal</translation>
        </message>
        <message>
            <source>Which week should the summary cover?</source>
            <translation>¿De qué semana quieres el resumen?</translation>
        </message>
        <message>
            <source>The PDF is for your physical therapist or doctor: your sessions, pain ratings, exercises and notes for one week.</source>
            <translation>El PDF es para tu fisioterapeuta o tu médico: tus sesiones, valoraciones del dolor, ejercicios y notas de una semana.</translation>
        </message>
        <message>
            <source>Weeks</source>
            <translation>Semanas</translation>
        </message>
        <message>
            <source>Export...</source>
            <translation>Exportar...</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancelar</translation>
        </message>
        <message>
            <source>Save the weekly summary</source>
            <translation>Guardar el resumen semanal</translation>
        </message>
        <message>
            <source>PDF documents (*.pdf)</source>
            <translation>Documentos PDF (*.pdf)</translation>
        </message>
        <message>
            <source>The summary is saved as {path}.</source>
            <translation>El resumen se ha guardado como {path}.</translation>
        </message>
        <message>
            <source>The history could not be read: {reason}.</source>
            <translation>No se ha podido leer el historial: {reason}.</translation>
        </message>
        <message>
            <source>The summary was not saved: {reason}.</source>
            <translation>El resumen no se ha guardado: {reason}.</translation>
        </message>
        <message>
            <source>The summary could not be made: {reason}.</source>
            <translation>No se ha podido crear el resumen: {reason}.</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Abrir</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Cerrar</translation>
        </message>
    </context>
    <context>
        <name>ExportError</name>
        <message>
            <source>cannot write {path}: {folder} is not a folder</source>
            <translation>no se puede escribir {path}: {folder} no es una carpeta</translation>
        </message>
        <message>
            <source>cannot write {path}: the folder {folder} does not exist; create it first</source>
            <translation>no se puede escribir {path}: la carpeta {folder} no existe; créala primero</translation>
        </message>
        <message>
            <source>cannot write {path}: {error}</source>
            <translation>no se puede escribir {path}: {error}</translation>
        </message>
        <message>
            <source>cannot write {path}: it is a folder; add a file name to the path</source>
            <translation>no se puede escribir {path}: es una carpeta; añade un nombre de archivo a la ruta</translation>
        </message>
        <message>
            <source>cannot write {path}: permission denied; choose a folder you can write to</source>
            <translation>no se puede escribir {path}: permiso denegado; elige una carpeta en la que puedas escribir</translation>
        </message>
        <message>
            <source>cannot write {path}: the disk is full; free some space or choose another disk</source>
            <translation>no se puede escribir {path}: el disco está lleno; libera espacio o elige otro disco</translation>
        </message>
        <message>
            <source>cannot write {path}: {error}; choose another place</source>
            <translation>no se puede escribir {path}: {error}; elige otro lugar</translation>
        </message>
    </context>
    <context>
        <name>FlareUp</name>
        <message>
            <source>Pain reached {rating} out of 10.</source>
            <translation>El dolor llegó a {rating} sobre 10.</translation>
        </message>
        <message>
            <source>Pain went from {before} to {after} during a session.</source>
            <translation>El dolor pasó de {before} a {after} durante una sesión.</translation>
        </message>
        <message>
            <source>Pain was {opening} at the start, up from {before} the time before.</source>
            <translation>El dolor era {opening} al empezar, frente a {before} la vez anterior.</translation>
        </message>
    </context>
    <context>
        <name>FlareUpPage</name>
        <message>
            <source>Continue</source>
            <translation>Continuar</translation>
        </message>
        <message>
            <source>N</source>
            <comment>keyboard key</comment>
            <translation>N</translation>
        </message>
        <message>
            <source>Continue to the closing check-in</source>
            <translation>Continuar con el registro de dolor final</translation>
        </message>
        <message>
            <source>Continue to the closing check-in (N or Enter)</source>
            <translation>Continuar con el registro de dolor final (N o Intro)</translation>
        </message>
    </context>
    <context>
        <name>FullscreenSessionView</name>
        <message>
            <source>Full-screen session</source>
            <translation>Sesión en pantalla completa</translation>
        </message>
        <message>
            <source>It had just moved on by itself: press again</source>
            <translation>Acababa de avanzar solo: pulse otra vez</translation>
        </message>
        <message>
            <source>Rep %1 of %2</source>
            <translation>Repetición %1 de %2</translation>
        </message>
        <message>
            <source>Switch sides: %1</source>
            <translation>Cambia de lado: %1</translation>
        </message>
        <message>
            <source>Hold</source>
            <translation>Mantén</translation>
        </message>
        <message>
            <source>Release</source>
            <translation>Suelta</translation>
        </message>
        <message>
            <source>Get ready: %1</source>
            <translation>Prepárate: %1</translation>
        </message>
        <message>
            <source>Get ready</source>
            <translation>Prepárate</translation>
        </message>
        <message>
            <source>Breathe out into the stretch</source>
            <translation>Espira y relájate en el estiramiento</translation>
        </message>
        <message>
            <source>Keep breathing</source>
            <translation>Sigue respirando</translation>
        </message>
        <message>
            <source>Relax and breathe</source>
            <translation>Relájate y respira</translation>
        </message>
        <message>
            <source>Change sides and get into position</source>
            <translation>Cambia de lado y colócate en posición</translation>
        </message>
        <message>
            <source>Get into position</source>
            <translation>Colócate en posición</translation>
        </message>
        <message>
            <source>90/90 breathing</source>
            <translation>Respiración 90/90</translation>
        </message>
        <message>
            <source>Breath %1 of %2</source>
            <translation>Respiración %1 de %2</translation>
        </message>
        <message>
            <source>Strengthening is open</source>
            <translation>El fortalecimiento está desbloqueado</translation>
        </message>
        <message>
            <source>Strengthening stays locked for now</source>
            <translation>El fortalecimiento sigue bloqueado por ahora</translation>
        </message>
        <message>
            <source>Continuing by itself in %1 s</source>
            <translation>Continúa solo en %1 s</translation>
        </message>
    </context>
    <context>
        <name>GatePage</name>
        <message>
            <source>Continue</source>
            <translation>Continuar</translation>
        </message>
        <message>
            <source>N</source>
            <comment>keyboard key</comment>
            <translation>N</translation>
        </message>
        <message>
            <source>Continue now</source>
            <translation>Continuar ahora</translation>
        </message>
        <message>
            <source>Continue now, without waiting (N)</source>
            <translation>Continuar ahora, sin esperar (N)</translation>
        </message>
        <message>
            <source>Continuing by itself in %1 s</source>
            <translation>Continúa solo en %1 s</translation>
        </message>
        <message>
            <source>Strengthening is open</source>
            <translation>El fortalecimiento está desbloqueado</translation>
        </message>
        <message>
            <source>Your stretching is paying off: well done.</source>
            <translation>Tus estiramientos están dando fruto: ¡bien hecho!</translation>
        </message>
        <message>
            <source>Next, one strengthening exercise:</source>
            <translation>Ahora, un ejercicio de fortalecimiento:</translation>
        </message>
        <message numerus="yes">
            <source>Next, %n strengthening exercises:</source>
            <translation>
                <numerusform>Ahora, %n ejercicio de fortalecimiento:</numerusform>
                <numerusform>Ahora, %n ejercicios de fortalecimiento:</numerusform>
            </translation>
        </message>
        <message>
            <source>Take a moment to get ready.</source>
            <translation>Tómate un momento para prepararte.</translation>
        </message>
        <message>
            <source>Strengthening stays locked for now</source>
            <translation>El fortalecimiento sigue bloqueado por ahora</translation>
        </message>
        <message>
            <source>It opens when all of these are met:</source>
            <translation>Se desbloquea cuando se cumpla todo esto:</translation>
        </message>
        <message>
            <source>We go straight to your closing check-in.</source>
            <translation>Pasamos directamente a tu registro de dolor final.</translation>
        </message>
    </context>
    <context>
        <name>GateReason</name>
        <message>
            <source>You have stretched regularly and your pain is easing: strengthening is open.</source>
            <translation>Has estirado con regularidad y tu dolor está bajando: el fortalecimiento está desbloqueado.</translation>
        </message>
        <message numerus="yes">
            <source>Stretching on %n different day(s), each time with at least {percent} % of the repeats done and a pain rating at the end. Now: {done}.</source>
            <translation>
                <numerusform>Estiramientos en %n día, cada vez con al menos el {percent} % de las repeticiones hechas y una valoración del dolor al final. Ahora: {done}.</numerusform>
                <numerusform>Estiramientos en %n días distintos, cada vez con al menos el {percent} % de las repeticiones hechas y una valoración del dolor al final. Ahora: {done}.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Those days spread over at least %n day(s), first to last. Now: {span}.</source>
            <translation>
                <numerusform>Esos días repartidos en al menos %n día, del primero al último. Ahora: {span}.</numerusform>
                <numerusform>Esos días repartidos en al menos %n días, del primero al último. Ahora: {span}.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n of them within the last {days}. Now: {done}.</source>
            <translation>
                <numerusform>%n de ellas en los últimos {days}. Ahora: {done}.</numerusform>
                <numerusform>%n de ellas en los últimos {days}. Ahora: {done}.</numerusform>
            </translation>
        </message>
        <message>
            <source>No flare-up for {wait}. Now: {left} to go; the last: {flare_up}</source>
            <translation>Ninguna crisis durante {wait}. Ahora: faltan {left}; la última: {flare_up}</translation>
        </message>
        <message numerus="yes">
            <source>A pain rating at the start of %n session(s). Now: {done}.</source>
            <translation>
                <numerusform>Una valoración del dolor al empezar %n sesión. Ahora: {done}.</numerusform>
                <numerusform>Una valoración del dolor al empezar %n sesiones. Ahora: {done}.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Pain at the start of a session: {target} or less on average over your last %n session(s). Now: {mean}.</source>
            <translation>
                <numerusform>Dolor al empezar una sesión: {target} o menos de media en %n sesión. Ahora: {mean}.</numerusform>
                <numerusform>Dolor al empezar una sesión: {target} o menos de media en tus últimas %n sesiones. Ahora: {mean}.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Pain at the start of a session less than {points} above the lowest of your last %n session(s). Now: {last}, the lowest {lowest}.</source>
            <translation>
                <numerusform>Dolor al empezar una sesión menos de {points} por encima del más bajo en %n sesión. Ahora: {last}; el más bajo, {lowest}.</numerusform>
                <numerusform>Dolor al empezar una sesión menos de {points} por encima del más bajo de tus últimas %n sesiones. Ahora: {last}; el más bajo, {lowest}.</numerusform>
            </translation>
        </message>
        <message>
            <source>Answer the safety questions: it takes a minute.</source>
            <translation>Responde a las preguntas de seguridad: se tarda un minuto.</translation>
        </message>
        <message>
            <source>A safety answer needs a clinician's view first. Once a clinician has cleared you, record it in the app.</source>
            <translation>Una de tus respuestas de seguridad necesita antes la opinión de un profesional sanitario. Cuando te dé el visto bueno, anótalo en la app.</translation>
        </message>
        <message numerus="yes">
            <source>The safety check is %n day(s) old: answer it again.</source>
            <translation>
                <numerusform>La revisión de seguridad tiene %n día: vuelve a responderla.</numerusform>
                <numerusform>La revisión de seguridad tiene %n días: vuelve a responderla.</numerusform>
            </translation>
        </message>
        <message>
            <source>Your pain has been higher lately than when you began. Please check with a clinician, then answer the safety questions again or record that they cleared you.</source>
            <translation>Últimamente tu dolor es más alto que al empezar. Consulta a un profesional sanitario y después vuelve a responder las preguntas de seguridad o anota que te dio el visto bueno.</translation>
        </message>
        <message>
            <source>Your therapist's plan unlocks strengthening now.</source>
            <translation>El plan de tu fisioterapeuta desbloquea ya el fortalecimiento.</translation>
        </message>
    </context>
    <context>
        <name>HomePage</name>
        <message>
            <source>Today's session</source>
            <translation>La sesión de hoy</translation>
        </message>
        <message>
            <source>Demo: nothing here is saved</source>
            <translation>Demostración: aquí no se guarda nada</translation>
        </message>
        <message>
            <source>Six weeks of made-up history to explore. Close the app to leave the demo.</source>
            <translation>Seis semanas de historial inventado para explorar. Cierra la aplicación para salir de la demostración.</translation>
        </message>
        <message>
            <source>Your last session was interrupted</source>
            <translation>Tu última sesión se interrumpió</translation>
        </message>
        <message>
            <source>&amp;Resume it</source>
            <translation>&amp;Reanudarla</translation>
        </message>
        <message>
            <source>Carry on where it stopped</source>
            <translation>Sigue donde se quedó</translation>
        </message>
        <message>
            <source>Save it as &amp;partly done</source>
            <translation>&amp;Guardarla como hecha en parte</translation>
        </message>
        <message>
            <source>Keep what was done and close it</source>
            <translation>Guarda lo que hiciste y ciérrala</translation>
        </message>
        <message>
            <source>Answer the &amp;safety check</source>
            <translation>Hacer la &amp;comprobación de seguridad</translation>
        </message>
        <message>
            <source>Time to see a physical therapist?</source>
            <translation>¿Es hora de ir al fisioterapeuta?</translation>
        </message>
        <message>
            <source>&amp;Got it</source>
            <translation>Enten&amp;dido</translation>
        </message>
        <message>
            <source>Hide this message for a week</source>
            <translation>Ocultar este mensaje durante una semana</translation>
        </message>
        <message>
            <source>&amp;Start session</source>
            <translation>&amp;Empezar sesión</translation>
        </message>
        <message>
            <source>Start today's session (Enter)</source>
            <translation>Empieza la sesión de hoy (Intro)</translation>
        </message>
        <message>
            <source>See &amp;progress</source>
            <translation>Ver el &amp;progreso</translation>
        </message>
        <message>
            <source>Your pain and sessions</source>
            <translation>Tu dolor y tus sesiones</translation>
        </message>
        <message>
            <source>Your first session: take it gently.</source>
            <translation>Tu primera sesión: tómatela con calma.</translation>
        </message>
        <message numerus="yes">
            <source>%n session(s) done so far.</source>
            <translation>
                <numerusform>Llevas %n sesión completa.</numerusform>
                <numerusform>Llevas %n sesiones completas.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n session(s) done so far. Last: {weekday} {day} {month}.</source>
            <translation>
                <numerusform>Llevas %n sesión completa. La última: el {weekday} {day} de {month}.</numerusform>
                <numerusform>Llevas %n sesiones completas. La última: el {weekday} {day} de {month}.</numerusform>
            </translation>
        </message>
        <message>
            <source>Started {weekday} at {time}. Resume it, or keep what was done as a partly done session.</source>
            <translation>Empezó el {weekday} a las {time}. Reanúdala o guarda lo que hiciste como sesión hecha en parte.</translation>
        </message>
        <message numerus="yes">
            <source>%n short question(s)</source>
            <translation>
                <numerusform>%n pregunta corta</numerusform>
                <numerusform>%n preguntas cortas</numerusform>
            </translation>
        </message>
        <message>
            <source>Please see a clinician before you go on</source>
            <translation>Consulta a un profesional sanitario antes de seguir</translation>
        </message>
        <message>
            <source>Sessions are paused because of your answers to the safety check.</source>
            <translation>Las sesiones están en pausa por tus respuestas a la comprobación de seguridad.</translation>
        </message>
        <message>
            <source>&amp;Review the safety check</source>
            <translation>Revisar la &amp;comprobación de seguridad</translation>
        </message>
        <message>
            <source>Weekly safety check</source>
            <translation>Comprobación de seguridad semanal</translation>
        </message>
        <message numerus="yes">
            <source>Before your session, answer %n short question(s) about warning signs.</source>
            <translation>
                <numerusform>Antes de la sesión, responde a %n pregunta corta sobre señales de alarma.</numerusform>
                <numerusform>Antes de la sesión, responde a %n preguntas cortas sobre señales de alarma.</numerusform>
            </translation>
        </message>
        <message>
            <source>Stretches today: your plan has no strength exercises.</source>
            <translation>Hoy, estiramientos: tu plan no tiene ejercicios de fortalecimiento.</translation>
        </message>
        <message numerus="yes">
            <source>Strengthening is open: stretches, then %n strength exercise(s).</source>
            <translation>
                <numerusform>El fortalecimiento está desbloqueado: estiramientos y después %n ejercicio de fortalecimiento.</numerusform>
                <numerusform>El fortalecimiento está desbloqueado: estiramientos y después %n ejercicios de fortalecimiento.</numerusform>
            </translation>
        </message>
        <message>
            <source>Stretches today. Strengthening opens after:</source>
            <translation>Hoy, estiramientos. Para desbloquear el fortalecimiento:</translation>
        </message>
    </context>
    <context>
        <name>Instance</name>
        <message>
            <source>{folder}: the folder's lock cannot be made</source>
            <translation>{folder}: no se puede crear el bloqueo de la carpeta</translation>
        </message>
        <message>
            <source>BackCompanion is open on {folder}: close its window first, then try again</source>
            <translation>BackCompanion está abierto con {folder}: cierra primero su ventana y vuelve a intentarlo</translation>
        </message>
        <message>
            <source>another BackCompanion command is still writing to {folder}</source>
            <translation>otra orden de BackCompanion sigue escribiendo en {folder}</translation>
        </message>
    </context>
    <context>
        <name>KeyButton</name>
        <message>
            <source>Key received just as the session moved on: press it again</source>
            <translation>Tecla recibida justo cuando la sesión avanzó sola: púlsela otra vez</translation>
        </message>
    </context>
    <context>
        <name>LegPainDialog</name>
        <message>
            <source>Leg pain</source>
            <translation>Dolor en la pierna</translation>
        </message>
        <message>
            <source>How much pain do you feel in your leg right now?</source>
            <translation>¿Cuánto te duele la pierna ahora mismo?</translation>
        </message>
    </context>
    <context>
        <name>LockPanel</name>
        <message>
            <source>Unlocks when:</source>
            <translation>Para desbloquearlo:</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Stop the session?</source>
            <translation>¿Detener la sesión?</translation>
        </message>
        <message>
            <source>Stop today's session now? Everything you did so far is kept.</source>
            <translation>¿Detener ahora la sesión de hoy? Todo lo que has hecho queda guardado.</translation>
        </message>
        <message>
            <source>Keep going</source>
            <translation>Seguir</translation>
        </message>
        <message>
            <source>&amp;Stop session</source>
            <translation>&amp;Detener la sesión</translation>
        </message>
        <message>
            <source>Quit during the session?</source>
            <translation>¿Salir durante la sesión?</translation>
        </message>
        <message>
            <source>Quit BackCompanion now? The session is paused and kept: you can resume it at the next start.</source>
            <translation>¿Salir de BackCompanion ahora? La sesión queda en pausa y guardada: puede reanudarla la próxima vez que lo abra.</translation>
        </message>
        <message>
            <source>Not everything is saved</source>
            <translation>No todo está guardado</translation>
        </message>
        <message numerus="yes">
            <source>%n step(s) of your session could not be saved yet (the disk may be full or read-only). If you quit now they are lost. Keep BackCompanion open and free some space?</source>
            <translation>
                <numerusform>Aún no se ha podido guardar %n paso de tu sesión (puede que el disco esté lleno o sea de solo lectura). Si sales ahora, se perderá. ¿Dejas BackCompanion abierto y liberas algo de espacio?</numerusform>
                <numerusform>Aún no se han podido guardar %n pasos de tu sesión (puede que el disco esté lleno o sea de solo lectura). Si sales ahora, se perderán. ¿Dejas BackCompanion abierto y liberas algo de espacio?</numerusform>
            </translation>
        </message>
        <message>
            <source>Keep it open</source>
            <translation>Dejarlo abierto</translation>
        </message>
        <message>
            <source>&amp;Quit anyway</source>
            <translation>&amp;Salir de todos modos</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Archivo</translation>
        </message>
        <message>
            <source>&amp;Start session</source>
            <translation>&amp;Empezar sesión</translation>
        </message>
        <message>
            <source>&amp;Export weekly summary...</source>
            <translation>E&amp;xportar el resumen semanal...</translation>
        </message>
        <message>
            <source>Se&amp;ttings...</source>
            <translation>A&amp;justes...</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Salir</translation>
        </message>
        <message>
            <source>P&amp;lan</source>
            <translation>&amp;Plan</translation>
        </message>
        <message>
            <source>&amp;Edit plan...</source>
            <translation>&amp;Editar el plan...</translation>
        </message>
        <message>
            <source>&amp;Save plan as...</source>
            <translation>&amp;Guardar el plan como...</translation>
        </message>
        <message>
            <source>&amp;Open plan...</source>
            <translation>&amp;Abrir un plan...</translation>
        </message>
        <message>
            <source>Rate everyday &amp;activities...</source>
            <translation>&amp;Valorar las actividades diarias...</translation>
        </message>
        <message>
            <source>Back to the &amp;previous plan</source>
            <translation>Volver al plan an&amp;terior</translation>
        </message>
        <message>
            <source>Back to the standard p&amp;rogram...</source>
            <translation>Volver al programa e&amp;stándar...</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Ver</translation>
        </message>
        <message>
            <source>&amp;Home</source>
            <translation>&amp;Inicio</translation>
        </message>
        <message>
            <source>&amp;Progress</source>
            <translation>&amp;Progreso</translation>
        </message>
        <message>
            <source>&amp;Full screen</source>
            <translation>Pantalla &amp;completa</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>Ay&amp;uda</translation>
        </message>
        <message>
            <source>&amp;Safety check...</source>
            <translation>&amp;Comprobación de seguridad...</translation>
        </message>
        <message>
            <source>&amp;About BackCompanion</source>
            <translation>&amp;Acerca de BackCompanion</translation>
        </message>
        <message>
            <source>Your answer could not be saved (the disk may be full or read-only). Please try again.</source>
            <translation>No se ha podido guardar tu respuesta (puede que el disco esté lleno o sea de solo lectura). Inténtalo de nuevo.</translation>
        </message>
        <message>
            <source>Nothing left to resume</source>
            <translation>No queda nada que reanudar</translation>
        </message>
        <message>
            <source>That session cannot be picked up again; it is kept as partly done.</source>
            <translation>Esa sesión ya no se puede retomar; se guarda como hecha en parte.</translation>
        </message>
        <message>
            <source>Everything is saved again.</source>
            <translation>Todo vuelve a estar guardado.</translation>
        </message>
        <message>
            <source>Time to rate your everyday activities: Plan &gt; Rate everyday activities (Ctrl+R).</source>
            <translation>Toca valorar tus actividades diarias: Plan &gt; Valorar las actividades diarias (Ctrl+R).</translation>
        </message>
        <message>
            <source>How is your back right now?</source>
            <translation>¿Cómo está tu espalda ahora mismo?</translation>
        </message>
        <message>
            <source>And now, after the session?</source>
            <translation>¿Y ahora, después de la sesión?</translation>
        </message>
    </context>
    <context>
        <name>Month</name>
        <message>
            <source>January</source>
            <translation>enero</translation>
        </message>
        <message>
            <source>February</source>
            <translation>febrero</translation>
        </message>
        <message>
            <source>March</source>
            <translation>marzo</translation>
        </message>
        <message>
            <source>April</source>
            <translation>abril</translation>
        </message>
        <message>
            <source>May</source>
            <translation>mayo</translation>
        </message>
        <message>
            <source>June</source>
            <translation>junio</translation>
        </message>
        <message>
            <source>July</source>
            <translation>julio</translation>
        </message>
        <message>
            <source>August</source>
            <translation>agosto</translation>
        </message>
        <message>
            <source>September</source>
            <translation>septiembre</translation>
        </message>
        <message>
            <source>October</source>
            <translation>octubre</translation>
        </message>
        <message>
            <source>November</source>
            <translation>noviembre</translation>
        </message>
        <message>
            <source>December</source>
            <translation>diciembre</translation>
        </message>
    </context>
    <context>
        <name>MonthShort</name>
        <message>
            <source>Jan</source>
            <translation>ene</translation>
        </message>
        <message>
            <source>Feb</source>
            <translation>feb</translation>
        </message>
        <message>
            <source>Mar</source>
            <translation>mar</translation>
        </message>
        <message>
            <source>Apr</source>
            <translation>abr</translation>
        </message>
        <message>
            <source>May</source>
            <translation>may</translation>
        </message>
        <message>
            <source>Jun</source>
            <translation>jun</translation>
        </message>
        <message>
            <source>Jul</source>
            <translation>jul</translation>
        </message>
        <message>
            <source>Aug</source>
            <translation>ago</translation>
        </message>
        <message>
            <source>Sep</source>
            <translation>sept</translation>
        </message>
        <message>
            <source>Oct</source>
            <translation>oct</translation>
        </message>
        <message>
            <source>Nov</source>
            <translation>nov</translation>
        </message>
        <message>
            <source>Dec</source>
            <translation>dic</translation>
        </message>
    </context>
    <context>
        <name>NextUpBox</name>
        <message>
            <source>Next up</source>
            <translation>A continuación</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>Next up: %1</source>
            <translation>A continuación: %1</translation>
        </message>
    </context>
    <context>
        <name>Nudge</name>
        <message numerus="yes">
            <source>It has been %n week(s) and your pain has not clearly eased. Please book a visit with a physical therapist or your doctor: they can examine your back and plan the next steps with you.</source>
            <translation>
                <numerusform>Ha pasado %n semana y tu dolor no ha mejorado claramente. Pide cita con un fisioterapeuta o con tu médico: pueden examinar tu espalda y planear contigo los siguientes pasos.</numerusform>
                <numerusform>Han pasado %n semanas y tu dolor no ha mejorado claramente. Pide cita con un fisioterapeuta o con tu médico: pueden examinar tu espalda y planear contigo los siguientes pasos.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>You have kept at the program for %n week(s), and your pain has not eased as much as hoped. A physical therapist can examine your back and shape a plan around you: it may be worth booking a visit.</source>
            <translation>
                <numerusform>Llevas %n semana con el programa y tu dolor no ha bajado tanto como esperábamos. Un fisioterapeuta puede examinar tu espalda y hacerte un plan a tu medida: quizá merezca la pena pedir cita.</numerusform>
                <numerusform>Llevas %n semanas con el programa y tu dolor no ha bajado tanto como esperábamos. Un fisioterapeuta puede examinar tu espalda y hacerte un plan a tu medida: quizá merezca la pena pedir cita.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Number</name>
        <message>
            <source>.</source>
            <comment>the decimal separator: 4.5</comment>
            <translation>,</translation>
        </message>
    </context>
    <context>
        <name>PacerWidget</name>
        <message>
            <source>Hold</source>
            <comment>hold the breath</comment>
            <translation>Mantén</translation>
        </message>
        <message>
            <source>Breathe in</source>
            <translation>Inspira</translation>
        </message>
        <message>
            <source>Breathe out</source>
            <translation>Espira</translation>
        </message>
        <message>
            <source>Breathing pacer</source>
            <translation>Guía de respiración</translation>
        </message>
    </context>
    <context>
        <name>PainCheckIn</name>
        <message>
            <source>Press 0 to 9, or 1 then 0 for 10. Enter saves.</source>
            <translation>Pulsa de 0 a 9, o 1 y luego 0 para el 10. Intro guarda.</translation>
        </message>
        <message>
            <source>Pain rating, 0 to 10</source>
            <translation>Nivel de dolor, de 0 a 10</translation>
        </message>
        <message>
            <source>0 is no pain, 10 the worst pain imaginable</source>
            <translation>0 es sin dolor; 10, el peor dolor imaginable</translation>
        </message>
        <message>
            <source>No pain</source>
            <translation>Sin dolor</translation>
        </message>
        <message>
            <source>Worst pain imaginable</source>
            <translation>El peor dolor imaginable</translation>
        </message>
        <message>
            <source>Chosen rating</source>
            <translation>Valoración elegida</translation>
        </message>
        <message>
            <source>Note (optional)</source>
            <translation>Nota (opcional)</translation>
        </message>
        <message>
            <source>For example: stiff after a long drive</source>
            <translation>Por ejemplo: rigidez tras un viaje largo en coche</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Guardar</translation>
        </message>
        <message>
            <source>Save the rating</source>
            <translation>Guardar la valoración</translation>
        </message>
        <message>
            <source>Choose a number</source>
            <translation>Elige un número</translation>
        </message>
        <message numerus="yes">
            <source>Your rating: %n</source>
            <translation>
                <numerusform>Tu valoración: %n</numerusform>
                <numerusform>Tu valoración: %n</numerusform>
            </translation>
        </message>
        <message>
            <source>0 out of 10: no pain</source>
            <translation>0 de 10: sin dolor</translation>
        </message>
        <message>
            <source>10 out of 10: worst pain imaginable</source>
            <translation>10 de 10: el peor dolor imaginable</translation>
        </message>
        <message numerus="yes">
            <source>%n out of 10</source>
            <translation>
                <numerusform>%n de 10</numerusform>
                <numerusform>%n de 10</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PainNowDialog</name>
        <message>
            <source>How much does it hurt?</source>
            <translation>¿Cuánto te duele?</translation>
        </message>
        <message>
            <source>How much does it hurt right now?</source>
            <translation>¿Cuánto te duele ahora mismo?</translation>
        </message>
        <message>
            <source>Stop this exercise (Space)</source>
            <translation>Parar este ejercicio (Espacio)</translation>
        </message>
    </context>
    <context>
        <name>PausedCover</name>
        <message>
            <source>Paused - press Space</source>
            <translation>En pausa: pulsa Espacio</translation>
        </message>
        <message>
            <source>Paused</source>
            <translation>En pausa</translation>
        </message>
        <message>
            <source>Paused while the computer was asleep</source>
            <translation>En pausa mientras el ordenador estaba en reposo</translation>
        </message>
        <message>
            <source>Your last session was interrupted: it picks up where you left off</source>
            <translation>Tu última sesión se interrumpió: sigue donde la dejaste</translation>
        </message>
    </context>
    <context>
        <name>PausedOverlay</name>
        <message>
            <source>Paused</source>
            <translation>En pausa</translation>
        </message>
        <message>
            <source>Press Space to continue</source>
            <translation>Pulsa Espacio para continuar</translation>
        </message>
        <message>
            <source>Paused while the computer was asleep</source>
            <translation>En pausa mientras el ordenador estaba en reposo</translation>
        </message>
        <message>
            <source>Your last session was interrupted: it picks up where you left off</source>
            <translation>Tu última sesión se interrumpió: sigue donde la dejaste</translation>
        </message>
    </context>
    <context>
        <name>Plan</name>
        <message>
            <source>{value} is out of range ({lo} to {hi})</source>
            <translation>{value} está fuera del intervalo (de {lo} a {hi})</translation>
        </message>
        <message>
            <source>choose at least one stretch</source>
            <translation>elige al menos un estiramiento</translation>
        </message>
        <message>
            <source>no exercise '{id}' in the program</source>
            <translation>no hay ningún ejercicio '{id}' en el programa</translation>
        </message>
        <message>
            <source>{name} is in the plan twice</source>
            <translation>{name} está dos veces en el plan</translation>
        </message>
        <message>
            <source>the shortest hold ({low} s) is above the longest ({high} s)</source>
            <translation>el mantenimiento más corto ({low} s) supera al más largo ({high} s)</translation>
        </message>
        <message>
            <source>{name} is done on both sides or on one of them</source>
            <translation>{name} se hace por los dos lados o por uno de ellos</translation>
        </message>
        <message>
            <source>{name} has no sides: leave it at both</source>
            <translation>{name} no tiene lados: déjalo en «ambos lados»</translation>
        </message>
        <message>
            <source>keep the order: stretches first, then strength</source>
            <translation>respeta el orden: primero los estiramientos, después el fortalecimiento</translation>
        </message>
        <message>
            <source>use one of: {names}</source>
            <translation>usa uno de estos: {names}</translation>
        </message>
        <message>
            <source>use gate or unlocked</source>
            <translation>usa gate (con las condiciones habituales) o unlocked (desbloqueado)</translation>
        </message>
        <message>
            <source>too long ({length} characters, at most {limit})</source>
            <translation>demasiado largo ({length} caracteres, como máximo {limit})</translation>
        </message>
        <message>
            <source>both sides</source>
            <translation>ambos lados</translation>
        </message>
        <message>
            <source>{side} only</source>
            <translation>solo {side}</translation>
        </message>
        <message>
            <source>{s} s</source>
            <translation>{s} s</translation>
        </message>
        <message>
            <source>{low}-{high} s</source>
            <translation>{low}-{high} s</translation>
        </message>
        <message>
            <source>your own setting</source>
            <translation>tu propio ajuste</translation>
        </message>
        <message>
            <source>relaxed (4 in, 6 out)</source>
            <translation>relajada (4 al inspirar, 6 al espirar)</translation>
        </message>
        <message>
            <source>longer exhale (4 in, 7 out)</source>
            <translation>espiración más larga (4 al inspirar, 7 al espirar)</translation>
        </message>
        <message>
            <source>box (4-4-4-4)</source>
            <translation>cuadrada (4-4-4-4)</translation>
        </message>
        <message>
            <source>unlocked now</source>
            <translation>desbloqueado ya</translation>
        </message>
        <message>
            <source>waits for the gate</source>
            <translation>se desbloquea con las condiciones habituales</translation>
        </message>
        <message>
            <source>left out</source>
            <translation>fuera del plan</translation>
        </message>
        <message>
            <source>in the plan</source>
            <translation>en el plan</translation>
        </message>
        <message>
            <source>exercise</source>
            <translation>ejercicio</translation>
        </message>
        <message>
            <source>hold</source>
            <translation>tiempo mantenido</translation>
        </message>
        <message>
            <source>repeats</source>
            <translation>repeticiones</translation>
        </message>
        <message>
            <source>sides</source>
            <translation>lados</translation>
        </message>
        <message>
            <source>rest</source>
            <translation>descanso</translation>
        </message>
        <message>
            <source>easier version</source>
            <translation>versión más fácil</translation>
        </message>
        <message>
            <source>note</source>
            <translation>nota</translation>
        </message>
        <message>
            <source>order</source>
            <translation>orden</translation>
        </message>
        <message>
            <source>days per week</source>
            <translation>días por semana</translation>
        </message>
        <message>
            <source>breathing</source>
            <translation>respiración</translation>
        </message>
        <message>
            <source>breaths</source>
            <translation>respiraciones</translation>
        </message>
        <message>
            <source>strengthening</source>
            <translation>fortalecimiento</translation>
        </message>
        <message>
            <source>plan note</source>
            <translation>nota del plan</translation>
        </message>
        <message>
            <source>prescribed by</source>
            <translation>prescrito por</translation>
        </message>
        <message>
            <source>prescribed on</source>
            <translation>prescrito el</translation>
        </message>
        <message>
            <source>offered</source>
            <translation>se ofrece</translation>
        </message>
        <message>
            <source>not offered</source>
            <translation>no se ofrece</translation>
        </message>
    </context>
    <context>
        <name>PlanDialogs</name>
        <message>
            <source>Plan files (*.yaml *.yml)</source>
            <translation>Archivos de plan (*.yaml *.yml)</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>Todos los archivos (*)</translation>
        </message>
        <message>
            <source>Save plan as</source>
            <translation>Guardar el plan como</translation>
        </message>
        <message>
            <source>Open plan</source>
            <translation>Abrir un plan</translation>
        </message>
        <message>
            <source>Plan not used</source>
            <translation>Plan no aplicado</translation>
        </message>
        <message>
            <source>Put this plan in force? It changes:</source>
            <translation>¿Aplicar este plan? Cambia lo siguiente:</translation>
        </message>
        <message>
            <source>This plan is the same as the plan in force.</source>
            <translation>Este plan es igual al plan vigente.</translation>
        </message>
        <message>
            <source>Keep the plan in force</source>
            <translation>Mantener el plan vigente</translation>
        </message>
        <message>
            <source>&amp;Apply this plan</source>
            <translation>&amp;Aplicar este plan</translation>
        </message>
        <message>
            <source>Plan &gt; Back to the previous plan undoes it in one step.</source>
            <translation>Plan &gt; Volver al plan anterior lo deshace en un paso.</translation>
        </message>
        <message>
            <source>Back to the standard program</source>
            <translation>Volver al programa estándar</translation>
        </message>
        <message>
            <source>Use the standard program instead of the therapist's plan? Plan &gt; Back to the previous plan brings the plan back.</source>
            <translation>¿Usar el programa estándar en lugar del plan del fisioterapeuta? Plan &gt; Volver al plan anterior recupera el plan.</translation>
        </message>
        <message>
            <source>Keep the plan</source>
            <translation>Mantener el plan</translation>
        </message>
        <message>
            <source>&amp;Use the standard program</source>
            <translation>&amp;Usar el programa estándar</translation>
        </message>
    </context>
    <context>
        <name>PlanEditor</name>
        <message>
            <source>exercises</source>
            <translation>ejercicios</translation>
        </message>
        <message>
            <source>Edit the plan</source>
            <translation>Editar el plan</translation>
        </message>
        <message>
            <source>YYYY-MM-DD</source>
            <translation>AAAA-MM-DD</translation>
        </message>
        <message>
            <source>own setting</source>
            <translation>tu ajuste</translation>
        </message>
        <message>
            <source>A note for the whole plan</source>
            <translation>Una nota para todo el plan</translation>
        </message>
        <message>
            <source>Exercises in the plan</source>
            <translation>Ejercicios del plan</translation>
        </message>
        <message>
            <source>Space puts the exercise in or out of the plan; Ctrl+Up and Ctrl+Down move it.</source>
            <translation>Espacio mete o saca el ejercicio del plan; Ctrl+Arriba y Ctrl+Abajo lo mueven.</translation>
        </message>
        <message>
            <source>Move &amp;up</source>
            <translation>S&amp;ubir</translation>
        </message>
        <message>
            <source>Move do&amp;wn</source>
            <translation>&amp;Bajar</translation>
        </message>
        <message>
            <source>&amp;Save plan</source>
            <translation>&amp;Guardar el plan</translation>
        </message>
        <message>
            <source>Back to the st&amp;andard program</source>
            <translation>Volver al programa es&amp;tándar</translation>
        </message>
        <message>
            <source>Prescribed &amp;by</source>
            <translation>Prescrito &amp;por</translation>
        </message>
        <message>
            <source>Prescribed &amp;on</source>
            <translation>Fec&amp;ha de prescripción</translation>
        </message>
        <message>
            <source>Plan &amp;note</source>
            <translation>&amp;Nota del plan</translation>
        </message>
        <message>
            <source>&amp;Days per week</source>
            <translation>&amp;Días por semana</translation>
        </message>
        <message>
            <source>B&amp;reathing</source>
            <translation>&amp;Respiración</translation>
        </message>
        <message>
            <source>Brea&amp;ths</source>
            <translation>Respiraci&amp;ones</translation>
        </message>
        <message>
            <source>Stren&amp;gthening</source>
            <translation>&amp;Fortalecimiento</translation>
        </message>
        <message>
            <source>E&amp;xercises (ticked: in the plan, in this order)</source>
            <translation>E&amp;jercicios (marcados: en el plan, en este orden)</translation>
        </message>
        <message>
            <source>Changes from the standard program</source>
            <translation>Cambios respecto al programa estándar</translation>
        </message>
        <message>
            <source>write the date as 2026-01-31 (year-month-day)</source>
            <translation>escribe la fecha como 2026-01-31 (año-mes-día)</translation>
        </message>
        <message>
            <source>To fix before saving:</source>
            <translation>Para corregir antes de guardar:</translation>
        </message>
        <message>
            <source>None: the standard program.</source>
            <translation>Ninguno: es el programa estándar.</translation>
        </message>
    </context>
    <context>
        <name>PlanFile</name>
        <message>
            <source>this is a folder, not a plan file</source>
            <translation>es una carpeta, no un archivo de plan</translation>
        </message>
        <message>
            <source>no such file</source>
            <translation>el archivo no existe</translation>
        </message>
        <message>
            <source>cannot read it ({reason})</source>
            <translation>no se puede leer ({reason})</translation>
        </message>
        <message>
            <source>too big for a plan file (more than {kb} KB)</source>
            <translation>demasiado grande para un archivo de plan (más de {kb} KB)</translation>
        </message>
        <message>
            <source>not a plan file (binary data)</source>
            <translation>no es un archivo de plan (datos binarios)</translation>
        </message>
        <message>
            <source>not a BackCompanion plan file</source>
            <translation>no es un archivo de plan de BackCompanion</translation>
        </message>
        <message>
            <source>not a BackCompanion plan file (no line 'kind: {kind}')</source>
            <translation>no es un archivo de plan de BackCompanion (falta la línea 'kind: {kind}')</translation>
        </message>
        <message>
            <source>no exercise '{id}' in the program (known: {ids})</source>
            <translation>no hay ningún ejercicio '{id}' en el programa (existen: {ids})</translation>
        </message>
        <message>
            <source>expected [shortest, longest] in seconds</source>
            <translation>se esperaba [más corto, más largo] en segundos</translation>
        </message>
        <message>
            <source>the shortest hold ({low} s) is above the longest ({high} s)</source>
            <translation>el mantenimiento más corto ({low} s) supera al más largo ({high} s)</translation>
        </message>
        <message>
            <source>this exercise has no sides: leave it at both</source>
            <translation>este ejercicio no tiene lados: déjalo en both (ambos)</translation>
        </message>
        <message>
            <source>use one of: {names}</source>
            <translation>usa uno de estos: {names}</translation>
        </message>
        <message>
            <source>expected a date like 2026-01-31</source>
            <translation>se esperaba una fecha como 2026-01-31</translation>
        </message>
    </context>
    <context>
        <name>PlanFlow</name>
        <message>
            <source>The plan is saved and used from the next session.</source>
            <translation>El plan está guardado y se usa desde la próxima sesión.</translation>
        </message>
        <message>
            <source>backcompanion-plan.yaml</source>
            <translation>plan-backcompanion.yaml</translation>
        </message>
        <message>
            <source>The plan was not saved: {reason}.</source>
            <translation>El plan no se guardó: {reason}.</translation>
        </message>
        <message>
            <source>Plan saved to {path}.</source>
            <translation>Plan guardado en {path}.</translation>
        </message>
        <message>
            <source>The plan from {file} is in force.</source>
            <translation>El plan de {file} está vigente.</translation>
        </message>
        <message>
            <source>Your ratings are saved.</source>
            <translation>Tus valoraciones están guardadas.</translation>
        </message>
        <message>
            <source>The previous plan is back in force.</source>
            <translation>El plan anterior vuelve a estar vigente.</translation>
        </message>
        <message>
            <source>There is no earlier plan to go back to.</source>
            <translation>No hay ningún plan anterior al que volver.</translation>
        </message>
        <message>
            <source>The standard program is in force.</source>
            <translation>El programa estándar está vigente.</translation>
        </message>
        <message>
            <source>The standard program is back in force.</source>
            <translation>El programa estándar vuelve a estar vigente.</translation>
        </message>
    </context>
    <context>
        <name>ProgressLine</name>
        <message>
            <source>Session progress</source>
            <translation>Progreso de la sesión</translation>
        </message>
        <message>
            <source>%1 % done</source>
            <translation>%1 % completado</translation>
        </message>
    </context>
    <context>
        <name>ProgressView</name>
        <message>
            <source>Your progress</source>
            <translation>Tu progreso</translation>
        </message>
        <message>
            <source>Export weekly summary...</source>
            <translation>Exportar el resumen semanal...</translation>
        </message>
        <message>
            <source>Export weekly summary</source>
            <translation>Exportar el resumen semanal</translation>
        </message>
        <message>
            <source>‹  Back to start</source>
            <translation>‹  Volver al inicio</translation>
        </message>
        <message>
            <source>Back to the start page</source>
            <translation>Volver a la página de inicio</translation>
        </message>
        <message>
            <source>Back to the start page (Esc)</source>
            <translation>Volver a la página de inicio (Esc)</translation>
        </message>
        <message>
            <source>Rate everyday &amp;activities...</source>
            <translation>&amp;Valorar las actividades diarias...</translation>
        </message>
        <message>
            <source>Rate everyday activities</source>
            <translation>Valorar las actividades diarias</translation>
        </message>
        <message>
            <source>Pain over the last 8 weeks (0 = none, 10 = worst)</source>
            <translation>Dolor en las últimas 8 semanas (0 sin dolor, 10 el peor imaginable)</translation>
        </message>
        <message>
            <source>Session days, last 6 weeks</source>
            <translation>Días con sesión, últimas 6 semanas</translation>
        </message>
        <message>
            <source>Strengthening: open</source>
            <translation>Fortalecimiento: desbloqueado</translation>
        </message>
        <message>
            <source>Strengthening: open since {day}</source>
            <translation>Fortalecimiento: desbloqueado desde el {day}</translation>
        </message>
        <message>
            <source>Strengthening: locked</source>
            <translation>Fortalecimiento: bloqueado</translation>
        </message>
        <message>
            <source>Strengthening: locked since {day}</source>
            <translation>Fortalecimiento: bloqueado desde el {day}</translation>
        </message>
        <message>
            <source>What opens it:</source>
            <translation>Para desbloquearlo:</translation>
        </message>
        <message numerus="yes">
            <source>Last 7 days: %n session(s) done, {time}.</source>
            <translation>
                <numerusform>Últimos 7 días: %n sesión completa, {time}.</numerusform>
                <numerusform>Últimos 7 días: %n sesiones completas, {time}.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n partly done.</source>
            <translation>
                <numerusform>%n hecha en parte.</numerusform>
                <numerusform>%n hechas en parte.</numerusform>
            </translation>
        </message>
        <message>
            <source>Last 7 days: 0 sessions.</source>
            <translation>Últimos 7 días: 0 sesiones.</translation>
        </message>
        <message numerus="yes">
            <source>%n days in a row.</source>
            <translation>
                <numerusform>%n día seguido.</numerusform>
                <numerusform>%n días seguidos.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Psfs</name>
        <message>
            <source>Everyday activities (PSFS): {score} of 10 at the first rating.</source>
            <translation>Actividades diarias (PSFS): {score} de 10 en la primera valoración.</translation>
        </message>
        <message>
            <source>Everyday activities (PSFS): {first} at the start, {last} now.</source>
            <translation>Actividades diarias (PSFS): {first} al principio, {last} ahora.</translation>
        </message>
        <message>
            <source>A change that matters (at least {points} points).</source>
            <translation>Un cambio que importa (al menos {points} puntos).</translation>
        </message>
    </context>
    <context>
        <name>PsfsDialog</name>
        <message>
            <source>Your everyday activities</source>
            <translation>Tus actividades diarias</translation>
        </message>
        <message>
            <source>Name up to five activities that your back makes hard, then rate how well you can do each today: 0 = unable to do it, 10 = able to do it as before.</source>
            <translation>Escribe hasta cinco actividades que tu espalda te dificulta y valora cómo puedes hacer cada una hoy: 0 = no puedo hacerla, 10 = puedo hacerla como antes.</translation>
        </message>
        <message>
            <source>Activity (for example: putting on socks)</source>
            <translation>Actividad (por ejemplo: ponerse los calcetines)</translation>
        </message>
        <message>
            <source>Today, 0 to 10</source>
            <translation>Hoy, de 0 a 10</translation>
        </message>
        <message>
            <source>Activity %1</source>
            <translation>Actividad %1</translation>
        </message>
        <message>
            <source>not rated</source>
            <translation>sin valorar</translation>
        </message>
        <message>
            <source>Rating of activity %1</source>
            <translation>Valoración de la actividad %1</translation>
        </message>
        <message>
            <source>&amp;Save the ratings</source>
            <translation>&amp;Guardar las valoraciones</translation>
        </message>
        <message>
            <source>&amp;Not now</source>
            <translation>&amp;Ahora no</translation>
        </message>
        <message>
            <source>Activity %1: choose a rating from 0 to 10.</source>
            <translation>Actividad %1: elige una valoración de 0 a 10.</translation>
        </message>
        <message>
            <source>Activity %1: name the activity.</source>
            <translation>Actividad %1: escribe la actividad.</translation>
        </message>
        <message>
            <source>Name at least one activity and rate it.</source>
            <translation>Escribe al menos una actividad y valórala.</translation>
        </message>
    </context>
    <context>
        <name>RecordWriter</name>
        <message>
            <source>Your progress could not be saved just now (the disk may be full or read-only). The session goes on and BackCompanion keeps trying.</source>
            <translation>Ahora mismo no se ha podido guardar tu progreso (puede que el disco esté lleno o sea de solo lectura). La sesión sigue y BackCompanion lo sigue intentando.</translation>
        </message>
    </context>
    <context>
        <name>Recovery</name>
        <message>
            <source>The history file could not be read; it was kept as {file} (nothing was deleted), and the backup of {date} was restored: sessions after it are missing.</source>
            <translation>No se pudo leer el archivo del historial; se ha guardado como {file} (no se ha borrado nada) y se ha restaurado la copia de seguridad del {date}: faltan las sesiones posteriores.</translation>
        </message>
        <message>
            <source>The history file could not be read; it was kept as {file} (nothing was deleted), and no usable backup was found, so a new, empty history was started.</source>
            <translation>No se pudo leer el archivo del historial; se ha guardado como {file} (no se ha borrado nada) y no se encontró ninguna copia de seguridad válida, así que se ha empezado un historial nuevo y vacío.</translation>
        </message>
        <message>
            <source>There was no readable history file, and the backup of {date} was restored: sessions after it are missing.</source>
            <translation>No había ningún archivo de historial legible y se ha restaurado la copia de seguridad del {date}: faltan las sesiones posteriores.</translation>
        </message>
        <message>
            <source>There was no readable history file, and no usable backup was found, so a new, empty history was started.</source>
            <translation>No había ningún archivo de historial legible y no se encontró ninguna copia de seguridad válida, así que se ha empezado un historial nuevo y vacío.</translation>
        </message>
    </context>
    <context>
        <name>RedFlagPage</name>
        <message>
            <source>Tick what applies, or tick “None of these apply”. Then save.</source>
            <translation>Marca lo que te pase, o marca «No me pasa ninguna». Después, guarda.</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Guardar</translation>
        </message>
    </context>
    <context>
        <name>ScreenAwake</name>
        <message>
            <source>Keeping the screen awake</source>
            <translation>La pantalla se mantiene encendida</translation>
        </message>
        <message>
            <source>An exercise session is running</source>
            <translation>Hay una sesión de ejercicios en curso</translation>
        </message>
    </context>
    <context>
        <name>SeeClinicianPage</name>
        <message>
            <source>Please confirm: a doctor or physical therapist has checked you and says these exercises are fine for you.</source>
            <translation>Confírmalo, por favor: un médico o fisioterapeuta te ha revisado y dice que estos ejercicios son adecuados para ti.</translation>
        </message>
        <message>
            <source>Who cleared you?</source>
            <translation>¿Quién te dio el visto bueno?</translation>
        </message>
        <message>
            <source>For example: Dr Lee, physiotherapist</source>
            <translation>Por ejemplo: Dra. Lee, fisioterapeuta</translation>
        </message>
        <message>
            <source>Who cleared you</source>
            <translation>Quién te dio el visto bueno</translation>
        </message>
        <message>
            <source>On what date?</source>
            <translation>¿En qué fecha?</translation>
        </message>
        <message>
            <source>The date you were cleared</source>
            <translation>La fecha del visto bueno</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Anterior</translation>
        </message>
        <message>
            <source>A clinician has cleared me</source>
            <translation>Un profesional sanitario me ha dado el visto bueno</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancelar</translation>
        </message>
        <message>
            <source>Yes, I have been cleared</source>
            <translation>Sí, tengo el visto bueno</translation>
        </message>
        <message>
            <source>You ticked:</source>
            <translation>Has marcado:</translation>
        </message>
        <message>
            <source>Something you told us needs a clinician's check first.</source>
            <translation>Algo de lo que nos has dicho necesita antes la revisión de un profesional sanitario.</translation>
        </message>
        <message>
            <source>An exercise hurt too much two sessions in a row:</source>
            <translation>Un ejercicio dolió demasiado dos sesiones seguidas:</translation>
        </message>
        <message>
            <source>Pain above 5 out of 10 in two sessions in a row.</source>
            <translation>Dolor por encima de 5 sobre 10 en dos sesiones seguidas.</translation>
        </message>
        <message>
            <source>Please write who cleared you, then confirm.</source>
            <translation>Escribe quién te dio el visto bueno y luego confirma.</translation>
        </message>
    </context>
    <context>
        <name>SessionCalendar</name>
        <message>
            <source>Mo</source>
            <comment>Monday, a column head</comment>
            <translation>L</translation>
        </message>
        <message>
            <source>Tu</source>
            <comment>Tuesday, a column head</comment>
            <translation>M</translation>
        </message>
        <message>
            <source>We</source>
            <comment>Wednesday, a column head</comment>
            <translation>X</translation>
        </message>
        <message>
            <source>Th</source>
            <comment>Thursday, a column head</comment>
            <translation>J</translation>
        </message>
        <message>
            <source>Fr</source>
            <comment>Friday, a column head</comment>
            <translation>V</translation>
        </message>
        <message>
            <source>Sa</source>
            <comment>Saturday, a column head</comment>
            <translation>S</translation>
        </message>
        <message>
            <source>Su</source>
            <comment>Sunday, a column head</comment>
            <translation>D</translation>
        </message>
        <message>
            <source>Days with a session, last 6 weeks</source>
            <translation>Días con sesión, últimas 6 semanas</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Hecha</translation>
        </message>
        <message>
            <source>Partly done</source>
            <translation>Hecha en parte</translation>
        </message>
        <message>
            <source>No session</source>
            <translation>Sin sesión</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>Hoy</translation>
        </message>
        <message>
            <source>In the last {days} days: {done} with a finished session, {partial} partly done.</source>
            <translation>En los últimos {days} días: {done} con la sesión completa y {partial} con una sesión hecha en parte.</translation>
        </message>
    </context>
    <context>
        <name>SessionFlow</name>
        <message>
            <source>An exercise hurt too much today: no strengthening this session.</source>
            <translation>Hoy un ejercicio ha dolido demasiado: nada de fortalecimiento en esta sesión.</translation>
        </message>
        <message>
            <source>The leg-pain rating could not be saved just now.</source>
            <translation>La valoración del dolor de pierna no se pudo guardar ahora.</translation>
        </message>
    </context>
    <context>
        <name>SessionPage</name>
        <message>
            <source>Pause</source>
            <translation>Pausa</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>Detener</translation>
        </message>
        <message>
            <source>Space</source>
            <comment>keyboard key</comment>
            <translation>Espacio</translation>
        </message>
        <message>
            <source>{side} only</source>
            <translation>solo {side}</translation>
        </message>
        <message>
            <source>Esc</source>
            <comment>keyboard key</comment>
            <translation>Esc</translation>
        </message>
        <message>
            <source>Stop the session (what you did is saved)</source>
            <translation>Detener la sesión (lo que has hecho queda guardado)</translation>
        </message>
        <message>
            <source>Stop the session (Esc)</source>
            <translation>Detener la sesión (Esc)</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>Reanudar</translation>
        </message>
        <message>
            <source>Resume the session</source>
            <translation>Reanudar la sesión</translation>
        </message>
        <message>
            <source>Resume (Space)</source>
            <translation>Reanudar (Espacio)</translation>
        </message>
        <message>
            <source>Pause the session</source>
            <translation>Pausar la sesión</translation>
        </message>
        <message>
            <source>Pause (Space)</source>
            <translation>Pausa (Espacio)</translation>
        </message>
    </context>
    <context>
        <name>Settings</name>
        <message>
            <source>is not a number</source>
            <translation>no es un número</translation>
        </message>
        <message>
            <source>is not text</source>
            <translation>no es texto</translation>
        </message>
        <message>
            <source>is not true or false</source>
            <translation>no es true ni false</translation>
        </message>
        <message>
            <source>is outside {range}</source>
            <translation>está fuera de {range}</translation>
        </message>
        <message>
            <source>is not a whole number</source>
            <translation>no es un número entero</translation>
        </message>
        <message>
            <source>is not one of {choices}</source>
            <translation>no es uno de estos: {choices}</translation>
        </message>
        <message>
            <source>is longer than {limit} characters</source>
            <translation>tiene más de {limit} caracteres</translation>
        </message>
        <message>
            <source>holds a line break or control character</source>
            <translation>contiene un salto de línea o un carácter de control</translation>
        </message>
        <message>
            <source>is not {expected}</source>
            <translation>no es {expected}</translation>
        </message>
        <message>
            <source>is not a time (HH:MM)</source>
            <translation>no es una hora (HH:MM)</translation>
        </message>
        <message>
            <source>is not a list of days</source>
            <translation>no es una lista de días</translation>
        </message>
        <message>
            <source>names an unknown day {word} (use {days})</source>
            <translation>nombra un día desconocido, {word} (usa {days})</translation>
        </message>
        <message>
            <source>no days</source>
            <translation>ningún día</translation>
        </message>
        <message>
            <source>is not saved window data</source>
            <translation>no son datos guardados de la ventana</translation>
        </message>
        <message>
            <source>nothing</source>
            <translation>nada</translation>
        </message>
        <message numerus="yes">
            <source>%n byte(s)</source>
            <translation>
                <numerusform>%n byte</numerusform>
                <numerusform>%n bytes</numerusform>
            </translation>
        </message>
        <message>
            <source>'system' or a language code like en or pt_BR</source>
            <translation>'system' ni un código de idioma como en o pt_BR</translation>
        </message>
        <message>
            <source>settings: {file} could not be read in full; some values use defaults</source>
            <translation>ajustes: no se ha podido leer {file} entero; algunos valores usan el predeterminado</translation>
        </message>
        <message>
            <source>settings: {key} = {raw} {why}; using {default}</source>
            <translation>ajustes: {key} = {raw} {why}; se usa {default}</translation>
        </message>
        <message>
            <source>settings: could not write {file}</source>
            <translation>ajustes: no se ha podido escribir {file}</translation>
        </message>
        <message>
            <source>settings: {key} could not be used; the window opens at its usual size</source>
            <translation>ajustes: no se ha podido usar {key}; la ventana se abre con su tamaño habitual</translation>
        </message>
        <message>
            <source>settings: {key} could not be used; toolbars are where they start</source>
            <translation>ajustes: no se ha podido usar {key}; las barras de herramientas vuelven a su sitio</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation>Ajustes</translation>
        </message>
        <message>
            <source>Settings sections</source>
            <translation>Secciones de los ajustes</translation>
        </message>
        <message>
            <source>Breathing</source>
            <translation>Respiración</translation>
        </message>
        <message>
            <source>Session</source>
            <translation>Sesión</translation>
        </message>
        <message>
            <source>Look</source>
            <translation>Aspecto</translation>
        </message>
        <message>
            <source>Sound</source>
            <translation>Sonido</translation>
        </message>
        <message>
            <source>Reminders</source>
            <translation>Recordatorios</translation>
        </message>
        <message>
            <source>You</source>
            <translation>Tú</translation>
        </message>
        <message>
            <source>Data</source>
            <translation>Datos</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>Aceptar</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancelar</translation>
        </message>
        <message>
            <source>Restore defaults</source>
            <translation>Restaurar valores predeterminados</translation>
        </message>
        <message>
            <source>OK: save the settings</source>
            <translation>Aceptar: guardar los ajustes</translation>
        </message>
        <message>
            <source>Cancel: change nothing</source>
            <translation>Cancelar: no cambiar nada</translation>
        </message>
        <message>
            <source>Pattern</source>
            <translation>Patrón</translation>
        </message>
        <message>
            <source>Breathing pattern</source>
            <translation>Patrón de respiración</translation>
        </message>
        <message>
            <source>Relaxed {0} (default)</source>
            <translation>Relajada {0} (predeterminada)</translation>
        </message>
        <message>
            <source>Extended exhale {0}</source>
            <translation>Espiración prolongada {0}</translation>
        </message>
        <message>
            <source>Box {0}</source>
            <translation>Cuadrada {0}</translation>
        </message>
        <message>
            <source>Custom</source>
            <translation>Personalizada</translation>
        </message>
        <message>
            <source>The numbers are seconds: breathe in, hold, breathe out, hold.</source>
            <translation>Los números son segundos: inspira, mantén, espira, mantén.</translation>
        </message>
        <message>
            <source>Breathe &amp;in</source>
            <translation>&amp;Inspira</translation>
        </message>
        <message>
            <source>&amp;Hold after breathing in</source>
            <translation>&amp;Mantén tras inspirar</translation>
        </message>
        <message>
            <source>Breathe &amp;out</source>
            <translation>&amp;Espira</translation>
        </message>
        <message>
            <source>Hold after breathing o&amp;ut</source>
            <translation>Mantén &amp;tras espirar</translation>
        </message>
        <message>
            <source>&amp;Breaths in a session</source>
            <translation>&amp;Respiraciones por sesión</translation>
        </message>
        <message>
            <source>Breathing rate</source>
            <translation>Ritmo de respiración</translation>
        </message>
        <message>
            <source> s</source>
            <translation> s</translation>
        </message>
        <message>
            <source>&amp;Get ready before each exercise</source>
            <translation>&amp;Prepárate antes de cada ejercicio</translation>
        </message>
        <message>
            <source>&amp;Rest between repeats</source>
            <translation>&amp;Descanso entre repeticiones</translation>
        </message>
        <message>
            <source>&amp;Full screen when a session starts</source>
            <translation>Pantalla &amp;completa al empezar una sesión</translation>
        </message>
        <message>
            <source>&amp;Keep the screen awake during a session</source>
            <translation>&amp;Mantener la pantalla encendida durante la sesión</translation>
        </message>
        <message>
            <source>Ask about &amp;leg pain at each check-in (leg symptoms)</source>
            <translation>Preguntar por el dolor de &amp;pierna en cada valoración (síntomas en la pierna)</translation>
        </message>
        <message>
            <source>Full screen is easier to read from the floor.</source>
            <translation>La pantalla completa se lee mejor desde el suelo.</translation>
        </message>
        <message>
            <source>Colours</source>
            <translation>Colores</translation>
        </message>
        <message>
            <source>Follow the system</source>
            <translation>Seguir al sistema</translation>
        </message>
        <message>
            <source>Light</source>
            <translation>Claro</translation>
        </message>
        <message>
            <source>Dark</source>
            <translation>Oscuro</translation>
        </message>
        <message>
            <source>Motion</source>
            <translation>Movimiento</translation>
        </message>
        <message>
            <source>Full: the breathing shape grows and shrinks</source>
            <translation>Completo: la forma de la respiración crece y se encoge</translation>
        </message>
        <message>
            <source>Reduced: a calm bar and words, nothing grows</source>
            <translation>Reducido: una barra tranquila y palabras, nada crece</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Idioma</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Idioma</translation>
        </message>
        <message>
            <source>Follow the system ({language})</source>
            <translation>Seguir al sistema ({language})</translation>
        </message>
        <message>
            <source>A new language shows after a restart.</source>
            <translation>El nuevo idioma se verá la próxima vez que abras BackCompanion.</translation>
        </message>
        <message>
            <source>Sound and voice are off at first. Everything they say also shows on the screen.</source>
            <translation>El sonido y la voz empiezan apagados. Todo lo que dicen también aparece en la pantalla.</translation>
        </message>
        <message>
            <source>About sound</source>
            <translation>Sobre el sonido</translation>
        </message>
        <message>
            <source>&amp;Sound at each breathing phase and step</source>
            <translation>&amp;Sonido en cada fase de la respiración y en cada paso</translation>
        </message>
        <message>
            <source>Sound cues</source>
            <translation>Avisos de sonido</translation>
        </message>
        <message>
            <source> %</source>
            <translation> %</translation>
        </message>
        <message>
            <source>&amp;Play a test sound</source>
            <translation>&amp;Probar el sonido</translation>
        </message>
        <message>
            <source>Play a test sound</source>
            <translation>Probar el sonido</translation>
        </message>
        <message>
            <source>Why sound is off</source>
            <translation>Por qué no hay sonido</translation>
        </message>
        <message>
            <source>Spoken &amp;words (“Breathe in”, “Release”)</source>
            <translation>Voz &amp;hablada («Inspira», «Suelta»)</translation>
        </message>
        <message>
            <source>Voice cues</source>
            <translation>Avisos de voz</translation>
        </message>
        <message>
            <source>Sa&amp;y a test phrase</source>
            <translation>Decir una &amp;frase de prueba</translation>
        </message>
        <message>
            <source>Say a test phrase</source>
            <translation>Decir una frase de prueba</translation>
        </message>
        <message>
            <source>Why the voice is off</source>
            <translation>Por qué no hay voz</translation>
        </message>
        <message>
            <source>Sound &amp;volume</source>
            <translation>&amp;Volumen del sonido</translation>
        </message>
        <message>
            <source>Voice v&amp;olume</source>
            <translation>V&amp;olumen de la voz</translation>
        </message>
        <message>
            <source>&amp;Remind me to do my exercises</source>
            <translation>&amp;Recuérdame hacer mis ejercicios</translation>
        </message>
        <message>
            <source>&amp;At</source>
            <translation>&amp;A las</translation>
        </message>
        <message>
            <source>Reminder time</source>
            <translation>Hora del recordatorio</translation>
        </message>
        <message>
            <source>On these days</source>
            <translation>Estos días</translation>
        </message>
        <message>
            <source>Keep running in the &amp;tray when the window closes</source>
            <translation>Seguir en la &amp;bandeja del sistema al cerrar la ventana</translation>
        </message>
        <message>
            <source>Keep running in the tray</source>
            <translation>Seguir en la bandeja del sistema</translation>
        </message>
        <message>
            <source>Your &amp;name</source>
            <translation>Tu &amp;nombre</translation>
        </message>
        <message>
            <source>Your name</source>
            <translation>Tu nombre</translation>
        </message>
        <message>
            <source>Optional</source>
            <translation>Opcional</translation>
        </message>
        <message>
            <source>Printed at the top of the weekly summary, so your clinician knows whose it is. It stays on this computer.</source>
            <translation>Aparece arriba del resumen semanal, para que tu profesional sanitario sepa de quién es. Se queda en este ordenador.</translation>
        </message>
        <message>
            <source>Your exercise history is kept in this folder:</source>
            <translation>Tu historial de ejercicios se guarda en esta carpeta:</translation>
        </message>
        <message>
            <source>(not known)</source>
            <translation>(desconocida)</translation>
        </message>
        <message>
            <source>Data folder</source>
            <translation>Carpeta de datos</translation>
        </message>
        <message>
            <source>O&amp;pen data folder</source>
            <translation>&amp;Abrir la carpeta de datos</translation>
        </message>
        <message>
            <source>Open data folder</source>
            <translation>Abrir la carpeta de datos</translation>
        </message>
        <message>
            <source>&amp;Back up now</source>
            <translation>&amp;Hacer copia de seguridad ahora</translation>
        </message>
        <message>
            <source>Back up now</source>
            <translation>Hacer copia de seguridad ahora</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Resultado</translation>
        </message>
        <message>
            <source>A backup is also made once a day and before every update. The last 7 daily and 4 weekly backups are kept.</source>
            <translation>También se hace una copia de seguridad una vez al día y antes de cada actualización. Se guardan las 7 últimas copias diarias y las 4 últimas semanales.</translation>
        </message>
        <message>
            <source>{m} min {s} s</source>
            <translation>{m} min {s} s</translation>
        </message>
        <message>
            <source>{s} s</source>
            <translation>{s} s</translation>
        </message>
        <message>
            <source>{rate} breaths a minute; {n} breaths take {duration}.</source>
            <translation>{rate} respiraciones por minuto; {n} respiraciones duran {duration}.</translation>
        </message>
        <message>
            <source>The folder could not be opened.</source>
            <translation>No se ha podido abrir la carpeta.</translation>
        </message>
        <message>
            <source>The backup failed: {error}</source>
            <translation>La copia de seguridad ha fallado: {error}</translation>
        </message>
    </context>
    <context>
        <name>Stepper</name>
        <message>
            <source>Less: {0}</source>
            <translation>Menos: {0}</translation>
        </message>
        <message>
            <source>More: {0}</source>
            <translation>Más: {0}</translation>
        </message>
    </context>
    <context>
        <name>StoreError</name>
        <message>
            <source>the history file {path} cannot be read ({detail})</source>
            <translation>el archivo del historial {path} no se puede leer ({detail})</translation>
        </message>
        <message>
            <source>the disk holding {folder} is full</source>
            <translation>el disco donde está {folder} está lleno</translation>
        </message>
        <message>
            <source>{folder} cannot be written to</source>
            <translation>no se puede escribir en {folder}</translation>
        </message>
        <message>
            <source>{folder} is a file, not a folder</source>
            <translation>{folder} es un archivo, no una carpeta</translation>
        </message>
        <message>
            <source>the history in {folder} cannot grow: a file size limit is set for this program</source>
            <translation>el historial de {folder} no puede crecer: hay un límite de tamaño de archivo para este programa</translation>
        </message>
        <message>
            <source>the history in {folder} cannot be used: {error}</source>
            <translation>no se puede usar el historial de {folder}: {error}</translation>
        </message>
        <message>
            <source>something other than a file is in its place</source>
            <translation>en su lugar hay algo que no es un archivo</translation>
        </message>
        <message>
            <source>the file is empty</source>
            <translation>el archivo está vacío</translation>
        </message>
        <message>
            <source>cannot use the data folder {folder}: {error}</source>
            <translation>no se puede usar la carpeta de datos {folder}: {error}</translation>
        </message>
        <message>
            <source>another BackCompanion is still opening the history in {folder}</source>
            <translation>otro BackCompanion sigue abriendo el historial en {folder}</translation>
        </message>
        <message>
            <source>cannot open the history file {path}: {error}</source>
            <translation>no se puede abrir el archivo del historial {path}: {error}</translation>
        </message>
        <message>
            <source>cannot back up the history before updating it: {error}</source>
            <translation>no se puede hacer una copia de seguridad del historial antes de actualizarlo: {error}</translation>
        </message>
        <message>
            <source>it is not a BackCompanion history file</source>
            <translation>no es un archivo de historial de BackCompanion</translation>
        </message>
        <message>
            <source>the history file {path} was written by a newer BackCompanion (history version {version}, this one reads up to {latest}): update the app</source>
            <translation>el archivo del historial {path} lo escribió una versión más nueva de BackCompanion (versión del historial {version}; esta lee hasta la {latest}): actualiza la app</translation>
        </message>
        <message>
            <source>there is no such file</source>
            <translation>ese archivo no existe</translation>
        </message>
        <message>
            <source>the history file {path} needs an update, and its folder cannot be written to</source>
            <translation>el archivo de historial {path} necesita una actualización, y no se puede escribir en su carpeta</translation>
        </message>
    </context>
    <context>
        <name>TimerDial</name>
        <message>
            <source>Timer</source>
            <translation>Temporizador</translation>
        </message>
    </context>
    <context>
        <name>TrayController</name>
        <message>
            <source>Reminders need a system tray; your desktop does not offer one, so BackCompanion reminds you with a message when it is open.</source>
            <translation>Los recordatorios necesitan la bandeja del sistema y tu escritorio no la tiene; por eso BackCompanion te avisa con un mensaje cuando está abierto.</translation>
        </message>
        <message>
            <source>Your desktop's tray cannot show notifications, so BackCompanion reminds you with a message when it is open.</source>
            <translation>La bandeja del sistema de tu escritorio no puede mostrar notificaciones; por eso BackCompanion te avisa con un mensaje cuando está abierto.</translation>
        </message>
        <message>
            <source>Start session</source>
            <translation>Empezar sesión</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Abrir</translation>
        </message>
        <message>
            <source>Your desktop has no system tray for BackCompanion: reminders come as desktop notifications, or as a message in the window when it is open.</source>
            <translation>Su escritorio no ofrece a BackCompanion una bandeja del sistema: los recordatorios llegan como notificaciones del escritorio o, si no, como un mensaje en la ventana cuando está abierta.</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Salir</translation>
        </message>
        <message>
            <source>BackCompanion keeps running here to remind you. Choose Quit from this icon's menu to close it.</source>
            <translation>BackCompanion sigue funcionando aquí para recordártelo. Elige Salir en el menú de este icono para cerrarlo.</translation>
        </message>
        <message>
            <source>Time for your exercises: a few gentle minutes, at your own pace.</source>
            <translation>Es hora de tus ejercicios: unos minutos suaves, a tu ritmo.</translation>
        </message>
        <message>
            <source>An exercise reminder came while the computer was asleep. A few gentle minutes, whenever suits you.</source>
            <translation>Llegó un recordatorio de ejercicios mientras el ordenador estaba en reposo. Unos minutos suaves, cuando mejor te venga.</translation>
        </message>
        <message>
            <source>Your exercise reminder was at {time}. Later is fine too: a few gentle minutes, whenever suits you.</source>
            <translation>Tu recordatorio de ejercicios era a las {time}. Más tarde también vale: unos minutos suaves, cuando mejor te venga.</translation>
        </message>
        <message>
            <source>Your exercise reminder was on {day} at {time}. Later is fine too: a few gentle minutes, whenever suits you.</source>
            <translation>Tu recordatorio de ejercicios era el {day} a las {time}. Más tarde también vale: unos minutos suaves, cuando mejor te venga.</translation>
        </message>
        <message>
            <source>Next reminder: today at {time}</source>
            <translation>Próximo recordatorio: hoy a las {time}</translation>
        </message>
        <message>
            <source>Next reminder: {day} at {time}</source>
            <translation>Próximo recordatorio: el {day} a las {time}</translation>
        </message>
    </context>
    <context>
        <name>TrendChart</name>
        <message>
            <source>Pain over the last 8 weeks</source>
            <translation>Dolor en las últimas 8 semanas</translation>
        </message>
        <message>
            <source>No pain ratings in the last 8 weeks.</source>
            <translation>No hay valoraciones del dolor en las últimas 8 semanas.</translation>
        </message>
        <message numerus="yes">
            <source>%n day(s) with ratings.</source>
            <translation>
                <numerusform>%n día con valoraciones.</numerusform>
                <numerusform>%n días con valoraciones.</numerusform>
            </translation>
        </message>
        <message>
            <source>Pain before the session: {first} on {first_day}, {last} on {last_day}.</source>
            <translation>Dolor antes de la sesión: {first} el {first_day}, {last} el {last_day}.</translation>
        </message>
        <message>
            <source>Baseline {rating}.</source>
            <translation>Valor inicial {rating}.</translation>
        </message>
        <message>
            <source>No pain ratings in the last 8 weeks yet.
They will show here.</source>
            <translation>Aún no hay valoraciones del dolor en las últimas 8 semanas.
Aparecerán aquí.</translation>
        </message>
        <message>
            <source>Before the session</source>
            <translation>Antes de la sesión</translation>
        </message>
        <message>
            <source>After the session</source>
            <translation>Después de la sesión</translation>
        </message>
        <message>
            <source>Baseline {0}</source>
            <translation>Valor inicial {0}</translation>
        </message>
    </context>
    <context>
        <name>UrgentCarePage</name>
        <message>
            <source>You ticked:</source>
            <translation>Has marcado:</translation>
        </message>
        <message>
            <source>Back to the start page</source>
            <translation>Volver a la página de inicio</translation>
        </message>
        <message>
            <source>A clinician has seen me</source>
            <translation>Un profesional sanitario ya me ha visto</translation>
        </message>
    </context>
    <context>
        <name>Weekday</name>
        <message>
            <source>Monday</source>
            <translation>lunes</translation>
        </message>
        <message>
            <source>Tuesday</source>
            <translation>martes</translation>
        </message>
        <message>
            <source>Wednesday</source>
            <translation>miércoles</translation>
        </message>
        <message>
            <source>Thursday</source>
            <translation>jueves</translation>
        </message>
        <message>
            <source>Friday</source>
            <translation>viernes</translation>
        </message>
        <message>
            <source>Saturday</source>
            <translation>sábado</translation>
        </message>
        <message>
            <source>Sunday</source>
            <translation>domingo</translation>
        </message>
    </context>
    <context>
        <name>WeekdayShort</name>
        <message>
            <source>Mon</source>
            <translation>lun</translation>
        </message>
        <message>
            <source>Tue</source>
            <translation>mar</translation>
        </message>
        <message>
            <source>Wed</source>
            <translation>mié</translation>
        </message>
        <message>
            <source>Thu</source>
            <translation>jue</translation>
        </message>
        <message>
            <source>Fri</source>
            <translation>vie</translation>
        </message>
        <message>
            <source>Sat</source>
            <translation>sáb</translation>
        </message>
        <message>
            <source>Sun</source>
            <translation>dom</translation>
        </message>
    </context>
    <context>
        <name>WeeklyPdf</name>
        <message>
            <source>{table}, continued</source>
            <translation>{table} (continuación)</translation>
        </message>
        <message>
            <source>BackCompanion weekly summary {week} ({dates}), {name}</source>
            <translation>Resumen semanal de BackCompanion {week} ({dates}), {name}</translation>
        </message>
        <message>
            <source>BackCompanion weekly summary {week} ({dates})</source>
            <translation>Resumen semanal de BackCompanion {week} ({dates})</translation>
        </message>
        <message>
            <source>Page {number} of {count}</source>
            <translation>Página {number} de {count}</translation>
        </message>
        <message>
            <source>{first} to {last}</source>
            <translation>{first} a {last}</translation>
        </message>
        <message>
            <source>No sessions were recorded this week.</source>
            <translation>Esta semana no se registró ninguna sesión.</translation>
        </message>
        <message>
            <source>BackCompanion weekly summary</source>
            <translation>Resumen semanal de BackCompanion</translation>
        </message>
        <message>
            <source>For {name}</source>
            <translation>Para {name}</translation>
        </message>
        <message>
            <source>Name not given</source>
            <translation>Sin nombre</translation>
        </message>
        <message>
            <source>Made on {date}</source>
            <translation>Hecho el {date}</translation>
        </message>
        <message>
            <source>Made on {date} (the week was not over yet)</source>
            <translation>Hecho el {date} (la semana aún no había terminado)</translation>
        </message>
        <message numerus="yes">
            <source>%n done</source>
            <translation>
                <numerusform>%n hecha</numerusform>
                <numerusform>%n hechas</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n partly done</source>
            <translation>
                <numerusform>%n hecha en parte</numerusform>
                <numerusform>%n hechas en parte</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n stopped early</source>
            <translation>
                <numerusform>%n detenida antes de tiempo</numerusform>
                <numerusform>%n detenidas antes de tiempo</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n interrupted</source>
            <translation>
                <numerusform>%n interrumpida</numerusform>
                <numerusform>%n interrumpidas</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n not finished</source>
            <translation>
                <numerusform>%n sin terminar</numerusform>
                <numerusform>%n sin terminar</numerusform>
            </translation>
        </message>
        <message>
            <source>on {days} of 7 days</source>
            <translation>en {days} de 7 días</translation>
        </message>
        <message>
            <source>no ratings this week</source>
            <translation>sin valoraciones esta semana</translation>
        </message>
        <message>
            <source>{day} only</source>
            <translation>solo {day}</translation>
        </message>
        <message>
            <source>{first} to {last}, out of 10</source>
            <translation>{first} a {last}, sobre 10</translation>
        </message>
        <message>
            <source>{detail}; baseline {baseline}</source>
            <translation>{detail}; valor inicial {baseline}</translation>
        </message>
        <message>
            <source>none</source>
            <translation>ninguno</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Desbloqueado</translation>
        </message>
        <message>
            <source>Locked</source>
            <translation>Bloqueado</translation>
        </message>
        <message>
            <source>Sessions</source>
            <translation>Sesiones</translation>
        </message>
        <message>
            <source>Active time</source>
            <translation>Tiempo activo</translation>
        </message>
        <message>
            <source>pauses not counted</source>
            <translation>sin contar las pausas</translation>
        </message>
        <message>
            <source>Pain at the start</source>
            <translation>Dolor al empezar</translation>
        </message>
        <message>
            <source>Flare-ups</source>
            <translation>Brotes</translation>
        </message>
        <message>
            <source>Strengthening</source>
            <translation>Fortalecimiento</translation>
        </message>
        <message>
            <source>Red-flag check: never answered.</source>
            <translation>Señales de alarma: nunca se respondieron.</translation>
        </message>
        <message>
            <source>Red-flag check {day}: ticked {flags}.</source>
            <translation>Señales de alarma, {day}: marcadas {flags}.</translation>
        </message>
        <message>
            <source>Red-flag check {day}: none applied.</source>
            <translation>Señales de alarma, {day}: ninguna.</translation>
        </message>
        <message>
            <source>Due again.</source>
            <translation>Toca repetirla.</translation>
        </message>
        <message numerus="yes">
            <source>“This hurts” pressed %n time(s).</source>
            <translation>
                <numerusform>“Me duele” pulsado %n vez.</numerusform>
                <numerusform>“Me duele” pulsado %n veces.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n of them too much: the exercise ended.</source>
            <translation>
                <numerusform>%n de ellas fue demasiado: el ejercicio terminó.</numerusform>
                <numerusform>%n de ellas fueron demasiado: el ejercicio terminó.</numerusform>
            </translation>
        </message>
        <message>
            <source>The app suggested seeing a physical therapist (see the last section).</source>
            <translation>La app sugirió consultar a un fisioterapeuta (ver la última sección).</translation>
        </message>
        <message>
            <source>since {day}</source>
            <translation>desde el {day}</translation>
        </message>
        <message>
            <source>since {day} or earlier</source>
            <translation>desde el {day} o antes</translation>
        </message>
        <message>
            <source>from the start</source>
            <translation>desde el principio</translation>
        </message>
        <message>
            <source>Pain before and after each session (0 = none, 10 = worst)</source>
            <translation>Dolor antes y después de cada sesión (0 sin dolor, 10 el peor imaginable)</translation>
        </message>
        <message>
            <source>flare-up</source>
            <translation>brote</translation>
        </message>
        <message>
            <source>Before</source>
            <translation>Antes</translation>
        </message>
        <message>
            <source>After</source>
            <translation>Después</translation>
        </message>
        <message>
            <source>Days with more than one session ({days}) show the mean of their ratings.</source>
            <translation>Los días con más de una sesión ({days}) muestran la media de sus valoraciones.</translation>
        </message>
        <message>
            <source>Before the session (opening)</source>
            <translation>Antes de la sesión (al empezar)</translation>
        </message>
        <message>
            <source>After the session (closing)</source>
            <translation>Después de la sesión (al terminar)</translation>
        </message>
        <message>
            <source>Baseline {value}: mean at the start of the first sessions</source>
            <translation>Valor inicial {value}: media al empezar las primeras sesiones</translation>
        </message>
        <message>
            <source>easier version of {exercise}</source>
            <translation>versión más fácil de {exercise}</translation>
        </message>
        <message>
            <source>{done} of {planned} ({percent} %)</source>
            <translation>{done} de {planned} ({percent} %)</translation>
        </message>
        <message>
            <source>{done} of {planned}</source>
            <translation>{done} de {planned}</translation>
        </message>
        <message>
            <source>{hold} s ({low} s)</source>
            <translation>{hold} s ({low} s)</translation>
        </message>
        <message>
            <source>{hold} s ({low}-{high} s)</source>
            <translation>{hold} s ({low}-{high} s)</translation>
        </message>
        <message>
            <source>{hold} s</source>
            <translation>{hold} s</translation>
        </message>
        <message>
            <source>both</source>
            <translation>ambos</translation>
        </message>
        <message>
            <source>{side} only</source>
            <translation>solo {side}</translation>
        </message>
        <message>
            <source>none finished</source>
            <translation>ninguno terminado</translation>
        </message>
        <message>
            <source>Exercises this week</source>
            <translation>Ejercicios de esta semana</translation>
        </message>
        <message>
            <source>Exercise</source>
            <translation>Ejercicio</translation>
        </message>
        <message>
            <source>Repeats done
all sides, all sessions</source>
            <translation>Repeticiones hechas
todos los lados y sesiones</translation>
        </message>
        <message>
            <source>Longest hold
(the range)</source>
            <translation>Mantenimiento más largo
(el rango)</translation>
        </message>
        <message>
            <source>Sides</source>
            <translation>Lados</translation>
        </message>
        <message>
            <source>Stretches</source>
            <translation>Estiramientos</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>Otros</translation>
        </message>
        <message>
            <source>{group} ({exercises}): {why}.</source>
            <translation>{group} ({exercises}): {why}.</translation>
        </message>
        <message>
            <source>Breathing (90/90)</source>
            <translation>Respiración (90/90)</translation>
        </message>
        <message>
            <source>No breathing recorded this week.</source>
            <translation>Esta semana no se registró respiración.</translation>
        </message>
        <message numerus="yes">
            <source>{time} in %n session(s), {breaths} in all.</source>
            <translation>
                <numerusform>{time} en %n sesión, {breaths} en total.</numerusform>
                <numerusform>{time} en %n sesiones, {breaths} en total.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n breath(s)</source>
            <translation>
                <numerusform>%n respiración</numerusform>
                <numerusform>%n respiraciones</numerusform>
            </translation>
        </message>
        <message>
            <source>Pace: {pace}.</source>
            <translation>Ritmo: {pace}.</translation>
        </message>
        <message>
            <source>Paces: {paces}.</source>
            <translation>Ritmos: {paces}.</translation>
        </message>
        <message>
            <source>Open at the end of the week ({since}).</source>
            <translation>Desbloqueado al final de la semana ({since}).</translation>
        </message>
        <message>
            <source>Open when this summary was made ({since}).</source>
            <translation>Desbloqueado al hacer este resumen ({since}).</translation>
        </message>
        <message>
            <source>Locked at the end of the week ({since}).</source>
            <translation>Bloqueado al final de la semana ({since}).</translation>
        </message>
        <message>
            <source>Locked when this summary was made ({since}).</source>
            <translation>Bloqueado al hacer este resumen ({since}).</translation>
        </message>
        <message>
            <source>The therapist's plan unlocks strengthening: it is offered whatever the app's conditions say.</source>
            <translation>El plan del fisioterapeuta desbloquea el fortalecimiento: se ofrece aunque no se cumplan las condiciones de la app.</translation>
        </message>
        <message>
            <source>The strengthening exercises are offered: the stretching, pain and safety conditions are met.</source>
            <translation>Se ofrecen los ejercicios de fortalecimiento: se cumplen las condiciones de estiramiento, dolor y seguridad.</translation>
        </message>
        <message>
            <source>What the app is waiting for:</source>
            <translation>Lo que la app está esperando:</translation>
        </message>
        <message>
            <source>Opened</source>
            <translation>Desbloqueado</translation>
        </message>
        <message>
            <source>All conditions met.</source>
            <translation>Se cumplen todas las condiciones.</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Cuándo</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>Cambio</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>Por qué</translation>
        </message>
        <message>
            <source>Changes this week</source>
            <translation>Cambios de esta semana</translation>
        </message>
        <message>
            <source>No change during the week.</source>
            <translation>Sin cambios durante la semana.</translation>
        </message>
        <message>
            <source>None this week.</source>
            <translation>Ninguno esta semana.</translation>
        </message>
        <message>
            <source>Session</source>
            <translation>Sesión</translation>
        </message>
        <message>
            <source>What happened</source>
            <translation>Qué pasó</translation>
        </message>
        <message>
            <source>No number: the person chose to stop the exercise</source>
            <translation>Sin número: la persona eligió parar el ejercicio</translation>
        </message>
        <message>
            <source>{rating} of 10</source>
            <translation>{rating} de 10</translation>
        </message>
        <message>
            <source>Too much (above {limit}): the exercise ended, no strengthening in that session, and the next session starts it at its shortest hold.</source>
            <translation>Demasiado (más de {limit}): el ejercicio terminó, no hubo fortalecimiento en esa sesión y la siguiente lo empieza con su mantenimiento más corto.</translation>
        </message>
        <message>
            <source>The exercise went on; its hold does not grow for the next two sessions.</source>
            <translation>El ejercicio siguió; su tiempo de mantenimiento no aumenta en las dos sesiones siguientes.</translation>
        </message>
        <message>
            <source>“This hurts” during an exercise</source>
            <translation>“Me duele” durante un ejercicio</translation>
        </message>
        <message>
            <source>Not pressed this week.</source>
            <translation>No se pulsó esta semana.</translation>
        </message>
        <message>
            <source>Pain rating (0-10), and what followed</source>
            <translation>Dolor (0-10) y qué pasó después</translation>
        </message>
        <message>
            <source>Notes written at the check-ins</source>
            <translation>Notas escritas en los registros de dolor</translation>
        </message>
        <message>
            <source>No notes this week.</source>
            <translation>Sin notas esta semana.</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Nota</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Notas</translation>
        </message>
        <message>
            <source>Safety check (red flags)</source>
            <translation>Revisión de seguridad (señales de alarma)</translation>
        </message>
        <message>
            <source>The red-flag questions were not answered yet.</source>
            <translation>Aún no se han respondido las preguntas sobre señales de alarma.</translation>
        </message>
        <message>
            <source>Last answered {when}: none of the red flags applied.</source>
            <translation>Última respuesta: {when}. No se marcó ninguna señal de alarma.</translation>
        </message>
        <message>
            <source>Last answered {when}: these applied:</source>
            <translation>Última respuesta: {when}. Se marcaron estas:</translation>
        </message>
        <message>
            <source>No clinician's clearance was recorded after it.</source>
            <translation>Después no se anotó ningún visto bueno de un profesional sanitario.</translation>
        </message>
        <message>
            <source>The check was due again (it is asked every week).</source>
            <translation>Tocaba repetir la revisión (se pregunta cada semana).</translation>
        </message>
        <message>
            <source>Suggestion to see a clinician</source>
            <translation>Sugerencia de consultar a un profesional sanitario</translation>
        </message>
        <message>
            <source>Shown plainly at the start of each session: {suggestion}</source>
            <translation>Mostrado claramente al inicio de cada sesión: {suggestion}</translation>
        </message>
        <message>
            <source>Suggested to the person this week: {suggestion}</source>
            <translation>Sugerido a la persona esta semana: {suggestion}</translation>
        </message>
        <message>
            <source>The plan in force</source>
            <translation>El plan vigente</translation>
        </message>
        <message numerus="yes">
            <source>%n day(s)</source>
            <translation>
                <numerusform>%n día</numerusform>
                <numerusform>%n días</numerusform>
            </translation>
        </message>
        <message>
            <source>The standard program (no therapist's plan), {days} a week.</source>
            <translation>El programa estándar (sin plan de fisioterapeuta), {days} por semana.</translation>
        </message>
        <message>
            <source>not named</source>
            <translation>sin nombre</translation>
        </message>
        <message>
            <source>Prescribed by {who} on {when}; in force since {since}.</source>
            <translation>Prescrito por {who} el {when}; vigente desde el {since}.</translation>
        </message>
        <message>
            <source>Days per week: {days}. Breathing: {breathing}, breaths: {breaths}. Strengthening: {strengthening}.</source>
            <translation>Días por semana: {days}. Respiración: {breathing}; respiraciones: {breaths}. Fortalecimiento: {strengthening}.</translation>
        </message>
        <message>
            <source>Therapist's note: {note}</source>
            <translation>Nota del fisioterapeuta: {note}</translation>
        </message>
        <message>
            <source>Hold</source>
            <translation>Mantener</translation>
        </message>
        <message>
            <source>Repeats</source>
            <translation>Repeticiones</translation>
        </message>
        <message>
            <source>Rest</source>
            <translation>Descanso</translation>
        </message>
        <message>
            <source>Easier version</source>
            <translation>Versión más fácil</translation>
        </message>
        <message>
            <source>Left out of the standard program: {names}.</source>
            <translation>Fuera del programa estándar: {names}.</translation>
        </message>
        <message>
            <source>* changed from the standard program.</source>
            <translation>* distinto del programa estándar.</translation>
        </message>
        <message>
            <source>Sessions against the plan</source>
            <translation>Sesiones frente al plan</translation>
        </message>
        <message>
            <source>No sessions to count yet.</source>
            <translation>Todavía no hay sesiones que contar.</translation>
        </message>
        <message numerus="yes">
            <source>%n day(s) a week</source>
            <translation>
                <numerusform>%n día por semana</numerusform>
                <numerusform>%n días por semana</numerusform>
            </translation>
        </message>
        <message>
            <source>This week: {days} (the plan asks for {asked}).</source>
            <translation>Esta semana: {days} (el plan pide {asked}).</translation>
        </message>
        <message numerus="yes">
            <source>%n session(s) done only partly, counted for the share done.</source>
            <translation>
                <numerusform>%n sesión hecha solo en parte, contada por la parte hecha.</numerusform>
                <numerusform>%n sesiones hechas solo en parte, contadas por la parte hecha.</numerusform>
            </translation>
        </message>
        <message>
            <source>Since {day}: {share}.</source>
            <translation>Desde el {day}: {share}.</translation>
        </message>
        <message>
            <source>Week</source>
            <translation>Semana</translation>
        </message>
        <message>
            <source>Days asked</source>
            <translation>Días pedidos</translation>
        </message>
        <message>
            <source>Days done</source>
            <translation>Días hechos</translation>
        </message>
        <message>
            <source>Share</source>
            <translation>Proporción</translation>
        </message>
        <message>
            <source>so far</source>
            <translation>hasta ahora</translation>
        </message>
        <message>
            <source>Everyday activities (PSFS)</source>
            <translation>Actividades diarias (PSFS)</translation>
        </message>
        <message>
            <source>Not rated yet (asked at the start, then every two weeks).</source>
            <translation>Aún sin valorar (se pregunta al principio y después cada dos semanas).</translation>
        </message>
        <message>
            <source>Mean score {last} of 10 on {when}; {first} at the first rating ({start}).</source>
            <translation>Puntuación media {last} de 10 el {when}; {first} en la primera valoración ({start}).</translation>
        </message>
        <message>
            <source>{change} points: at least the minimal important change ({points} points).</source>
            <translation>{change} puntos: al menos el cambio mínimo importante ({points} puntos).</translation>
        </message>
        <message>
            <source>{change} points: less than the minimal important change ({points} points).</source>
            <translation>{change} puntos: menos que el cambio mínimo importante ({points} puntos).</translation>
        </message>
        <message>
            <source>Activity</source>
            <translation>Actividad</translation>
        </message>
        <message>
            <source>First</source>
            <translation>Primera</translation>
        </message>
        <message>
            <source>Latest</source>
            <translation>Última</translation>
        </message>
        <message>
            <source>Rated on</source>
            <translation>Valorado el</translation>
        </message>
        <message>
            <source>Mean score</source>
            <translation>Puntuación media</translation>
        </message>
        <message>
            <source>Against the first</source>
            <translation>Frente a la primera</translation>
        </message>
        <message>
            <source>PSFS ratings</source>
            <translation>Valoraciones PSFS</translation>
        </message>
        <message>
            <source>* at least the minimal important change: {mean} points for the mean score, {single} for one activity (Horn et al. 2012).</source>
            <translation>* al menos el cambio mínimo importante: {mean} puntos para la puntuación media, {single} para una actividad (Horn et al. 2012).</translation>
        </message>
        <message>
            <source>Leg pain (0-10)</source>
            <translation>Dolor en la pierna (0-10)</translation>
        </message>
    </context>
    <context>
        <name>WeeklySummary</name>
        <message>
            <source>a clinician</source>
            <translation>un profesional sanitario</translation>
        </message>
        <message>
            <source>Self-reported: cleared by {who} on {date}.</source>
            <translation>Según la propia persona: visto bueno de {who} el {date}.</translation>
        </message>
        <message>
            <source>BackCompanion weekly summary, {week}</source>
            <translation>Resumen semanal de BackCompanion, {week}</translation>
        </message>
        <message>
            <source>not offered, locked all week</source>
            <translation>no se ofreció: bloqueado toda la semana</translation>
        </message>
        <message>
            <source>not done this week</source>
            <translation>no se hizo esta semana</translation>
        </message>
        <message>
            <source>side {number}</source>
            <translation>lado {number}</translation>
        </message>
        <message>
            <source>emergency</source>
            <translation>emergencia</translation>
        </message>
        <message>
            <source>urgent</source>
            <translation>urgente</translation>
        </message>
        <message>
            <source>see a clinician first</source>
            <translation>ver antes a un profesional</translation>
        </message>
        <message>
            <source>red flag {number}</source>
            <translation>señal de alarma {number}</translation>
        </message>
    </context>
    <context>
        <name>WelcomePage</name>
        <message>
            <source>Welcome to %1</source>
            <translation>Te damos la bienvenida a %1</translation>
        </message>
        <message>
            <source>A calm guide through your back exercises: breathing first, then gentle stretches, and strengthening once your pain eases.</source>
            <translation>Una guía tranquila para tus ejercicios de espalda: primero la respiración, después estiramientos suaves y, cuando el dolor mejore, fortalecimiento.</translation>
        </message>
        <message>
            <source>Continue</source>
            <translation>Continuar</translation>
        </message>
    </context>
    <context>
        <name>figure</name>
        <message>
            <source>Lying on the back, hips and knees bent to right angles, feet flat on a wall, one hand on the belly and one on the chest.</source>
            <translation>Boca arriba, caderas y rodillas dobladas en ángulo recto, los pies planos contra una pared, una mano en el vientre y otra en el pecho.</translation>
        </message>
        <message>
            <source>Lying on the back, hips and knees bent to right angles, calves resting on a chair seat, one hand on the belly and one on the chest.</source>
            <translation>Boca arriba, caderas y rodillas dobladas en ángulo recto, las pantorrillas apoyadas en el asiento de una silla, una mano en el vientre y otra en el pecho.</translation>
        </message>
        <message>
            <source>On hands and knees, the tail tucked under and the back rounded up toward the ceiling.</source>
            <translation>A cuatro patas, la pelvis metida hacia dentro y la espalda redondeada hacia el techo.</translation>
        </message>
        <message>
            <source>Sitting back on the heels from hands and knees, the chest lowered toward the floor and the arms reaching forward.</source>
            <translation>Desde cuatro patas, las caderas llevadas atrás sobre los talones, el pecho bajado hacia el suelo y los brazos estirados hacia delante.</translation>
        </message>
        <message>
            <source>Lying on the back, one leg raised straight with a belt round the foot, the other knee bent.</source>
            <translation>Boca arriba, una pierna levantada y estirada con un cinturón alrededor del pie, la otra rodilla doblada.</translation>
        </message>
        <message>
            <source>Lying on the back, one ankle resting across the other knee, both legs drawn toward the chest.</source>
            <translation>Boca arriba, un tobillo apoyado sobre la otra rodilla, las dos piernas llevadas hacia el pecho.</translation>
        </message>
        <message>
            <source>Half kneeling with one knee down and the other foot in front, the pelvis tucked and the hips eased forward, chest high.</source>
            <translation>Con una rodilla en el suelo y el otro pie delante, la pelvis metida hacia dentro y las caderas llevadas suavemente hacia delante, el pecho alto.</translation>
        </message>
        <message>
            <source>Lying on the back, knees bent, the pelvis tipped so the low back presses flat into the floor.</source>
            <translation>Boca arriba, rodillas dobladas, la pelvis inclinada para que la zona lumbar se apoye plana contra el suelo.</translation>
        </message>
        <message>
            <source>Lying on the back, knees bent, the hips lifted until shoulders, hips and knees form a straight line.</source>
            <translation>Boca arriba, rodillas dobladas, las caderas elevadas hasta que hombros, caderas y rodillas forman una línea recta.</translation>
        </message>
        <message>
            <source>On hands and knees, one leg reaching straight back and the opposite arm reaching forward.</source>
            <translation>A cuatro patas, una pierna estirada hacia atrás y el brazo contrario estirado hacia delante.</translation>
        </message>
        <message>
            <source>Face down on the forearms and toes, the body held in one straight line.</source>
            <translation>Boca abajo sobre los antebrazos y las puntas de los pies, el cuerpo mantenido en una línea recta.</translation>
        </message>
        <message>
            <source>Face down on the forearms and knees, the hips lifted so knees, hips and shoulders form a straight line.</source>
            <translation>Boca abajo sobre los antebrazos y las rodillas, las caderas elevadas para que rodillas, caderas y hombros formen una línea recta.</translation>
        </message>
    </context>
    <context>
        <name>program</name>
        <message>
            <source>90/90 breathing</source>
            <translation>Respiración 90/90</translation>
        </message>
        <message>
            <source>On your back, hips and knees bent to a right angle, feet on a wall or calves on a chair.</source>
            <translation>Boca arriba, caderas y rodillas dobladas en ángulo recto, pies en una pared o pantorrillas sobre una silla.</translation>
        </message>
        <message>
            <source>One hand on your belly and one on your chest, or both hands on your belly. Breathe in slowly and let the belly fill.</source>
            <translation>Una mano en el abdomen y otra en el pecho, o las dos manos en el abdomen. Inspira despacio y deja que el abdomen se llene.</translation>
        </message>
        <message>
            <source>The belly rises and widens to the sides under your hands; the chest hardly moves.</source>
            <translation>El abdomen sube y se ensancha hacia los lados bajo tus manos; el pecho apenas se mueve.</translation>
        </message>
        <message>
            <source>Lifting the chest or shoulders to pull the air in.</source>
            <translation>Levantar el pecho o los hombros para tomar aire.</translation>
        </message>
        <message>
            <source>Angry cat</source>
            <translation>Gato enfadado</translation>
        </message>
        <message>
            <source>On hands and knees, hands under shoulders, knees under hips.</source>
            <translation>A cuatro patas, manos bajo los hombros y rodillas bajo las caderas.</translation>
        </message>
        <message>
            <source>Tuck your tail under and round your back up toward the ceiling.</source>
            <translation>Mete el coxis y redondea la espalda hacia el techo.</translation>
        </message>
        <message>
            <source>A gentle stretch along the middle and low back.</source>
            <translation>Un estiramiento suave en la zona media y baja de la espalda.</translation>
        </message>
        <message>
            <source>Pushing into pain or holding your breath.</source>
            <translation>Forzar hasta sentir dolor o contener la respiración.</translation>
        </message>
        <message>
            <source>Child's pose</source>
            <translation>Postura del niño</translation>
        </message>
        <message>
            <source>Start on hands and knees.</source>
            <translation>Empieza a cuatro patas.</translation>
        </message>
        <message>
            <source>Sit back onto your heels and let your chest sink toward the floor, arms reaching forward.</source>
            <translation>Siéntate sobre los talones y deja que el pecho baje hacia el suelo, con los brazos estirados hacia delante.</translation>
        </message>
        <message>
            <source>Your low back and hips lengthening.</source>
            <translation>La zona lumbar y las caderas se alargan.</translation>
        </message>
        <message>
            <source>Lifting the hips off the heels.</source>
            <translation>Separar las caderas de los talones.</translation>
        </message>
        <message>
            <source>Hamstring stretch</source>
            <translation>Estiramiento de isquiotibiales</translation>
        </message>
        <message>
            <source>left leg</source>
            <translation>pierna izquierda</translation>
        </message>
        <message>
            <source>right leg</source>
            <translation>pierna derecha</translation>
        </message>
        <message>
            <source>On your back with a belt or band looped around one foot.</source>
            <translation>Boca arriba, con un cinturón o una cinta alrededor de un pie.</translation>
        </message>
        <message>
            <source>Keep the knee straight and raise the leg until you feel a stretch; pull the belt for a little more.</source>
            <translation>Con la rodilla estirada, sube la pierna hasta notar el estiramiento; tira del cinturón para estirar un poco más.</translation>
        </message>
        <message>
            <source>A stretch along the back of the thigh.</source>
            <translation>Un estiramiento en la parte de atrás del muslo.</translation>
        </message>
        <message>
            <source>Bending the knee or yanking the belt.</source>
            <translation>Doblar la rodilla o dar tirones al cinturón.</translation>
        </message>
        <message>
            <source>Piriformis stretch</source>
            <translation>Estiramiento del piriforme</translation>
        </message>
        <message>
            <source>On your back, knees bent, one ankle resting across the other knee.</source>
            <translation>Boca arriba, rodillas dobladas, un tobillo apoyado sobre la otra rodilla.</translation>
        </message>
        <message>
            <source>Draw the legs toward your chest until the crossed side stretches.</source>
            <translation>Lleva las piernas hacia el pecho hasta notar el estiramiento en el lado cruzado.</translation>
        </message>
        <message>
            <source>A stretch deep in the buttock of the crossed leg.</source>
            <translation>Un estiramiento profundo en el glúteo de la pierna cruzada.</translation>
        </message>
        <message>
            <source>Lifting your head and shoulders off the floor.</source>
            <translation>Levantar la cabeza y los hombros del suelo.</translation>
        </message>
        <message>
            <source>Hip flexor stretch</source>
            <translation>Estiramiento de flexores de cadera</translation>
        </message>
        <message>
            <source>Half-kneeling, one knee down, the other foot in front, both at right angles.</source>
            <translation>Una rodilla en el suelo y el otro pie delante, las dos piernas en ángulo recto.</translation>
        </message>
        <message>
            <source>Firm the belly, tuck the pelvis a little, keep the chest up and ease the hips forward.</source>
            <translation>Aprieta el abdomen, mete un poco la pelvis, mantén el pecho alto y lleva las caderas suavemente hacia delante.</translation>
        </message>
        <message>
            <source>A stretch at the front of the hip of the kneeling leg.</source>
            <translation>Un estiramiento en la parte delantera de la cadera, en el lado de la rodilla apoyada.</translation>
        </message>
        <message>
            <source>Arching the low back instead of tucking the pelvis.</source>
            <translation>Arquear la zona lumbar en vez de meter la pelvis.</translation>
        </message>
        <message>
            <source>Pelvic tilt</source>
            <translation>Basculación pélvica</translation>
        </message>
        <message>
            <source>On your back, knees bent, feet flat.</source>
            <translation>Boca arriba, rodillas dobladas, pies apoyados en el suelo.</translation>
        </message>
        <message>
            <source>Tip the pelvis toward your head, as if it were a bowl of water spilling toward your belly button, so the low back presses flat.</source>
            <translation>Inclina la pelvis hacia la cabeza, como si fuera un cuenco con agua que se derrama hacia el ombligo, hasta pegar la zona lumbar al suelo.</translation>
        </message>
        <message>
            <source>The low back meeting the floor and the belly working gently.</source>
            <translation>La zona lumbar toca el suelo y el abdomen trabaja suavemente.</translation>
        </message>
        <message>
            <source>Lifting the hips off the floor.</source>
            <translation>Levantar las caderas del suelo.</translation>
        </message>
        <message>
            <source>Bridge</source>
            <translation>Puente</translation>
        </message>
        <message>
            <source>On your back, knees bent, feet flat and hip-width apart.</source>
            <translation>Boca arriba, rodillas dobladas, pies apoyados y separados al ancho de las caderas.</translation>
        </message>
        <message>
            <source>Do a pelvic tilt, then lift the hips until shoulders, hips and knees form a straight line.</source>
            <translation>Haz una basculación pélvica y sube las caderas hasta que hombros, caderas y rodillas formen una línea recta.</translation>
        </message>
        <message>
            <source>The buttocks and the back of the thighs working.</source>
            <translation>Los glúteos y la parte de atrás de los muslos trabajan.</translation>
        </message>
        <message>
            <source>Arching the low back at the top.</source>
            <translation>Arquear la zona lumbar al llegar arriba.</translation>
        </message>
        <message>
            <source>Bird dog</source>
            <translation>Perro de caza</translation>
        </message>
        <message>
            <source>left leg and right arm</source>
            <translation>pierna izquierda y brazo derecho</translation>
        </message>
        <message>
            <source>right leg and left arm</source>
            <translation>pierna derecha y brazo izquierdo</translation>
        </message>
        <message>
            <source>On hands and knees; find the middle between sagging and arching your back.</source>
            <translation>A cuatro patas; busca el punto medio entre hundir y redondear la espalda.</translation>
        </message>
        <message>
            <source>Keep that spine still while you reach one leg back and the opposite arm forward.</source>
            <translation>Mantén la columna quieta mientras estiras una pierna hacia atrás y el brazo contrario hacia delante.</translation>
        </message>
        <message>
            <source>The belly and back muscles holding you steady. A towel across the low back should not roll.</source>
            <translation>Los músculos del abdomen y la espalda te mantienen estable. Una toalla sobre la zona lumbar no debe rodar.</translation>
        </message>
        <message>
            <source>Twisting the hips or lifting the leg too high.</source>
            <translation>Girar las caderas o subir demasiado la pierna.</translation>
        </message>
        <message>
            <source>Plank</source>
            <translation>Plancha</translation>
        </message>
        <message>
            <source>Face down, elbows under shoulders, forearms pointing straight ahead, toes tucked.</source>
            <translation>Boca abajo, codos bajo los hombros, antebrazos rectos hacia delante, dedos de los pies apoyados en el suelo.</translation>
        </message>
        <message>
            <source>Lift onto forearms and toes so your body forms one straight line.</source>
            <translation>Elévate sobre los antebrazos y las puntas de los pies, con el cuerpo en una línea recta.</translation>
        </message>
        <message>
            <source>The belly and shoulders working hard.</source>
            <translation>El abdomen y los hombros trabajan con fuerza.</translation>
        </message>
        <message>
            <source>Letting the hips sag or pushing them up high.</source>
            <translation>Dejar caer las caderas o subirlas demasiado.</translation>
        </message>
        <message>
            <source>Easier plank (from the knees)</source>
            <translation>Plancha más fácil (de rodillas)</translation>
        </message>
        <message>
            <source>The source shows an easier plank only as a picture; this knee plank is a standard easier version supplied by the app.</source>
            <translation>El artículo original solo muestra una plancha más fácil en una imagen; esta plancha de rodillas es una versión más fácil habitual que propone la app.</translation>
        </message>
        <message>
            <source>Face down, elbows under shoulders, knees on the mat.</source>
            <translation>Boca abajo, codos bajo los hombros, rodillas sobre la esterilla.</translation>
        </message>
        <message>
            <source>Lift the hips so knees, hips and shoulders form a straight line.</source>
            <translation>Sube las caderas hasta que rodillas, caderas y hombros formen una línea recta.</translation>
        </message>
        <message>
            <source>The belly working, with less load than the full plank.</source>
            <translation>El abdomen trabaja, con menos carga que en la plancha completa.</translation>
        </message>
        <message>
            <source>Letting the hips sag toward the floor.</source>
            <translation>Dejar caer las caderas hacia el suelo.</translation>
        </message>
    </context>
    <context>
        <name>safety</name>
        <message>
            <source>Before you start</source>
            <translation>Antes de empezar</translation>
        </message>
        <message>
            <source>BackCompanion helps you follow a home exercise plan for your back. It is a guide for self-care: it does not diagnose what is wrong and it does not prescribe treatment.</source>
            <translation>BackCompanion te ayuda a seguir un plan de ejercicios en casa para la espalda. Es una guía para cuidarte: no diagnostica qué te pasa ni receta ningún tratamiento.</translation>
        </message>
        <message>
            <source>If you have a serious illness or injury in your past, or you are worried about your back, talk to a doctor or physical therapist before you begin.</source>
            <translation>Si has tenido una enfermedad o lesión grave, o te preocupa tu espalda, habla con un médico o fisioterapeuta antes de empezar.</translation>
        </message>
        <message>
            <source>A quick safety check</source>
            <translation>Una comprobación rápida de seguridad</translation>
        </message>
        <message>
            <source>Does any of this apply to you right now?</source>
            <translation>¿Te pasa ahora mismo alguna de estas cosas?</translation>
        </message>
        <message>
            <source>None of these apply</source>
            <translation>No me pasa ninguna</translation>
        </message>
        <message>
            <source>Anything new today?</source>
            <translation>¿Algo nuevo hoy?</translation>
        </message>
        <message>
            <source>Since your last session, has any of this started?</source>
            <translation>Desde tu última sesión, ¿ha empezado algo de esto?</translation>
        </message>
        <message>
            <source>Nothing new</source>
            <translation>Nada nuevo</translation>
        </message>
        <message>
            <source>Numb between the legs</source>
            <translation>Entumecimiento entre las piernas</translation>
        </message>
        <message>
            <source>Numbness or tingling around your genitals, your bottom or the inside of your thighs.</source>
            <translation>Entumecimiento u hormigueo alrededor de los genitales, las nalgas o la cara interna de los muslos.</translation>
        </message>
        <message>
            <source>Bladder, bowel or sexual changes</source>
            <translation>Cambios en vejiga, intestino o sexo</translation>
        </message>
        <message>
            <source>Your bladder, bowel or sexual function works less well than usual, for example you cannot hold or pass urine.</source>
            <translation>Tu vejiga, tu intestino o tu función sexual funcionan peor de lo normal; por ejemplo, no puedes retener la orina o no puedes orinar.</translation>
        </message>
        <message>
            <source>Both legs numb or weak</source>
            <translation>Las dos piernas dormidas o débiles</translation>
        </message>
        <message>
            <source>Numbness, weakness or pain in both of your legs.</source>
            <translation>Entumecimiento, debilidad o dolor en las dos piernas.</translation>
        </message>
        <message>
            <source>Leg weakness getting worse</source>
            <translation>Una pierna cada vez más débil</translation>
        </message>
        <message>
            <source>A leg is getting weaker, or the way you walk has changed.</source>
            <translation>Una pierna se está debilitando o ha cambiado tu forma de caminar.</translation>
        </message>
        <message>
            <source>Fever or feeling unwell</source>
            <translation>Fiebre o malestar general</translation>
        </message>
        <message>
            <source>You have a fever or feel generally unwell as well as the back pain.</source>
            <translation>Tienes fiebre o te encuentras mal en general, además del dolor de espalda.</translation>
        </message>
        <message>
            <source>Belly pain or being sick</source>
            <translation>Dolor de barriga o vómitos</translation>
        </message>
        <message>
            <source>Your back pain comes with belly pain, nausea or vomiting.</source>
            <translation>El dolor de espalda viene con dolor de barriga, náuseas o vómitos.</translation>
        </message>
        <message>
            <source>A fall or injury</source>
            <translation>Una caída o una lesión</translation>
        </message>
        <message>
            <source>Chest or upper-back pain</source>
            <translation>Dolor en el pecho o la espalda alta</translation>
        </message>
        <message>
            <source>You have pain in your chest, or high in your back between the shoulders.</source>
            <translation>Tienes dolor en el pecho, o arriba en la espalda, entre los omóplatos.</translation>
        </message>
        <message>
            <source>You are losing weight and do not know why, or you notice a lump or a change in the shape of your back.</source>
            <translation>Estás perdiendo peso sin saber por qué, o notas un bulto o un cambio en la forma de tu espalda.</translation>
        </message>
        <message>
            <source>Cancer in the past</source>
            <translation>Cáncer en el pasado</translation>
        </message>
        <message>
            <source>You have had cancer.</source>
            <translation>Has tenido cáncer.</translation>
        </message>
        <message>
            <source>Osteoporosis</source>
            <translation>Osteoporosis</translation>
        </message>
        <message>
            <source>You have osteoporosis (weak bones).</source>
            <translation>Tienes osteoporosis (huesos débiles).</translation>
        </message>
        <message>
            <source>Long-term steroids</source>
            <translation>Corticoides durante mucho tiempo</translation>
        </message>
        <message>
            <source>You take, or have taken, steroid tablets for a long time.</source>
            <translation>Tomas, o has tomado, corticoides en pastillas durante mucho tiempo.</translation>
        </message>
        <message>
            <source>First back pain after 50</source>
            <translation>Primer dolor de espalda tras los 50</translation>
        </message>
        <message>
            <source>This is the first time you have had back pain, and you are over 50.</source>
            <translation>Es la primera vez que tienes dolor de espalda y tienes más de 50 años.</translation>
        </message>
        <message>
            <source>Pain getting worse</source>
            <translation>El dolor va a peor</translation>
        </message>
        <message>
            <source>Your back pain is getting worse, or has not improved after 4 to 6 weeks of self-care.</source>
            <translation>Tu dolor de espalda empeora, o no ha mejorado tras 4 a 6 semanas cuidándote.</translation>
        </message>
        <message>
            <source>Pain or numbness in one leg</source>
            <translation>Dolor u hormigueo en una pierna</translation>
        </message>
        <message>
            <source>Pain, numbness or tingling travels down into one of your legs.</source>
            <translation>El dolor, el entumecimiento o el hormigueo bajan por una de tus piernas.</translation>
        </message>
        <message>
            <source>Stop. Get help now.</source>
            <translation>Para. Pide ayuda ya.</translation>
        </message>
        <message>
            <source>Stop. Call your local emergency number or go to an emergency department now.</source>
            <translation>Para. Llama a tu número local de emergencias o ve a urgencias de un hospital ahora.</translation>
        </message>
        <message>
            <source>What you ticked can mean a nerve problem that needs treatment within hours. Do not exercise today. Tomorrow the app asks again.</source>
            <translation>Lo que has marcado puede ser un problema de los nervios que necesita tratamiento en pocas horas. No hagas ejercicio hoy. Mañana la aplicación te lo volverá a preguntar.</translation>
        </message>
        <message>
            <source>Get medical advice today</source>
            <translation>Pide consejo médico hoy</translation>
        </message>
        <message>
            <source>Please speak to a doctor today, for example your family doctor's urgent line or an out-of-hours service. No exercise until then.</source>
            <translation>Habla hoy con un médico, por ejemplo en la línea de urgencias de tu centro de salud o en un servicio de guardia. Nada de ejercicio hasta entonces.</translation>
        </message>
        <message>
            <source>What you ticked needs a doctor to look at it soon. If it gets worse, call your local emergency number.</source>
            <translation>Lo que has marcado necesita que un médico lo vea pronto. Si empeora, llama a tu número local de emergencias.</translation>
        </message>
        <message>
            <source>When a clinician has checked you and says the exercises are fine for you, you can record that here, with who cleared you and when.</source>
            <translation>Cuando un profesional sanitario te haya revisado y diga que los ejercicios son adecuados para ti, puedes anotarlo aquí, con quién te dio el visto bueno y cuándo.</translation>
        </message>
        <message>
            <source>A flare-up day</source>
            <translation>Un día de crisis</translation>
        </message>
        <message>
            <source>Your pain is high today: do the breathing only. Keep gently active, with short walks and changes of position; that helps more than bed rest.</source>
            <translation>Hoy el dolor es alto: haz solo la respiración. Mantente activo con suavidad, con paseos cortos y cambios de postura; eso ayuda más que quedarse en la cama.</translation>
        </message>
        <message>
            <source>If the pain keeps getting worse, lasts beyond a few days, or comes with numbness, weakness or bladder changes, get medical advice.</source>
            <translation>Si el dolor sigue empeorando, dura más de unos días o viene con entumecimiento, debilidad o cambios al orinar, pide consejo médico.</translation>
        </message>
        <message>
            <source>Pain stops sleep or movement</source>
            <translation>El dolor no te deja dormir o moverte</translation>
        </message>
        <message>
            <source>The pain keeps you from sleeping, or makes it hard to move about.</source>
            <translation>El dolor no te deja dormir, o hace que te cueste moverte.</translation>
        </message>
        <message>
            <source>You were hurt recently, for example in a fall, and a bone could be broken.</source>
            <translation>Te has hecho daño hace poco, por ejemplo en una caída, y podría haber un hueso roto.</translation>
        </message>
        <message>
            <source>Unexplained weight loss</source>
            <translation>Pérdida de peso sin explicación</translation>
        </message>
        <message>
            <source>Please see a clinician first</source>
            <translation>Consulta a un profesional sanitario</translation>
        </message>
        <message>
            <source>What you ticked needs a check by a doctor or physical therapist before you do these exercises. Please stop here and get medical advice.</source>
            <translation>Lo que has marcado necesita que te revise un médico o fisioterapeuta antes de hacer estos ejercicios. Detente aquí y pide consejo médico.</translation>
        </message>
        <message>
            <source>Time for a check-up</source>
            <translation>Es hora de una revisión</translation>
        </message>
        <message>
            <source>If your back is no better after 4 to 6 weeks of these exercises, see a clinician, for example a physical therapist. They can examine your muscles, joints and nerves and make a plan just for you.</source>
            <translation>Si tu espalda no mejora tras 4 a 6 semanas con estos ejercicios, consulta a un profesional sanitario, por ejemplo un fisioterapeuta. Puede examinar tus músculos, articulaciones y nervios, y hacerte un plan a tu medida.</translation>
        </message>
    </context>
</TS>
