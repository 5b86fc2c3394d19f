# tarjuman — интерфейстің қазақша хабарламалары.

## Диагностика префикстері

error-prefix = қате
warning-prefix = ескерту

## Қателер

error-io = { $path } файлын оқу не жазу мүмкін емес: { $detail }
error-input-at = { $path }:{ $line }:{ $column }: { $reason }
error-input = { $path }: { $reason }
error-store = { $path } жад қоймасында қате: { $detail }
error-store-too-new = { $path } жад қоймасының схема нұсқасы { $found }; бұл tarjuman тек { $supported } нұсқасына дейін түсінеді. tarjuman-ды жаңартыңыз.
error-not-a-store = { $path } tarjuman жад қоймасы емес
error-lang-tag = { $reason }
error-no-input = кіріс файлдары берілмеген
warning-unknown-ui-lang = «{ $lang }» интерфейс тілі жоқ; ағылшын тілі қолданылады

## Кіріс файлы неге қабылданбады

reason-empty = файл бос
reason-invalid-utf8 = файл дұрыс UTF-8 мәтіні емес
reason-not-utf8 = файл UTF-8 емес; тек UTF-8 файлдарын орнында толтыруға болады
reason-utf16-without-bom = файл UTF-16 сияқты, бірақ байт реті белгісі (BOM) жоқ
reason-unknown-encoding = қолдау көрсетілмейтін таңба кодтамасы: «{ $encoding }»
reason-binary = бұл аударма жады файлы емес (екілік деректер бар)
reason-unknown-format = файлдың пішімін анықтау мүмкін болмады; оны --format арқылы көрсетіңіз
reason-xml = қате XML: { $detail }
reason-xml-mismatched-end-tag = қате XML: ашық элементті </{ $expected }> жабуы керек еді, </{ $found }> табылды
reason-xml-unmatched-end-tag = қате XML: </{ $found }> ешбір ашық элементті жаппайды
reason-truncated = файл құжат аяқталмай тұрып бітеді
reason-undefined-entity = анықталмаған нысан: «&{ $entity };»
reason-entity-declaration = DOCTYPE нысандар жариялайды; олар ешқашан ашылмайды
reason-wrong-root = <{ $expected }> құжаты күтілген, <{ $found }> табылды
reason-missing-attribute = <{ $element }> элементінде { $attribute } атрибуты жоқ
reason-invalid-xml-char = { $char } таңбасына XML-де рұқсат жоқ
reason-malformed-lang = қате тіл тегі: «{ $tag }»
reason-unknown-lang = «{ $tag }» тегіндегі тіл белгісіз
reason-csv-quote = тырнақшадағы өріс жабылмаған
reason-csv-text-after-quote = өрістің жабылатын тырнақшасынан кейін мәтін бар
reason-csv-width = жолда { $found } өріс бар, ал тақырыпта { $expected }
reason-csv-no-language = тақырыпта тіл бағаны жоқ
reason-csv-duplicate-column = «{ $column }» бағаны тақырыпта екі рет бар
reason-csv = CSV қатесі: { $detail }
reason-po = PO синтаксис қатесі: { $detail }
reason-po-no-language = PO файлында тіл көрсетілмеген; оны --target-lang арқылы беріңіз

## Импорттау

progress-importing = Импортталуда: { $file }
progress-indexing-matches = Жад анық емес сәйкестік үшін индекстелуде ({ $lang })…
progress-indexing-search = Жад іздеу үшін индекстелуде…
import-file = { $path }: { $units } бірлік, { $added } жаңа, { $duplicates } жадта бұрыннан бар
import-single-language = { $count } бірлікте тек бір тіл бар (сақталды)
import-empty-segments = { $count } бос сегмент алынып тасталды
import-empty-units = мәтіні жоқ { $count } бірлік өткізіп жіберілді
import-fuzzy = { $count } анық емес (fuzzy) жазба өткізіп жіберілді
import-obsolete = { $count } ескірген жазба өткізіп жіберілді
import-other-skipped = пішім сақтай алмайтын { $count } нұсқа өткізіп жіберілді
import-total = Жадта { $total } бірлік бар ({ $added } жаңа).

## Экспорттау

export-done = { $units } бірлік { $path } файлына жазылды.

## Статистика

stats-store = Жад қоймасы: { $path }
stats-missing = { $path } жолында әлі жад қоймасы жоқ: ол алғашқы импортта жасалады.
stats-units = Бірліктер: { $count }
stats-languages = Тілдер бойынша бірліктер:
stats-pairs = Тіл жұптары бойынша бірліктер:
stats-size = Дискідегі өлшемі: { $size }

## Командалық жол: көмек мәтіндері мен қателер

cli-about = Ағылшын, әзербайжан, қазақ және араб тілдеріне арналған аударма жады, глоссарий және есім тексерулері
cli-usage-heading = Қолданылуы:
cli-options-heading = Опциялар
cli-arguments-heading = Аргументтер
cli-commands-heading = Командалар
cli-values = мәндері: { $values }
cli-default = әдепкі: { $value }
cli-help = Көмекті шығару
cli-version = Нұсқа ақпаратын шығару
cli-db = Жад қоймасы (SQLite файлы; TARJUMAN_DB арқылы да беріледі)
cli-lang = Интерфейс тілі: en, az, kk немесе ar
cli-quiet = Тек қателерді көрсету; үдеріс жолағы болмайды
cli-color = Түстерді қашан қолдану керек
cmd-import = TMX, CSV/TSV, XLIFF немесе PO файлдарын жадқа импорттау (бәрі немесе ештеңе)
cmd-import-files = Импортталатын файлдар
cmd-import-format = Файлдардың пішімі (әдепкіде кеңейтім мен мазмұннан анықталады)
cmd-import-source-lang = Бастапқы тілді көрсетпейтін файлдардың бастапқы тілі (PO: en)
cmd-import-target-lang = Мақсатты тілді көрсетпейтін файлдардың мақсатты тілі
cmd-export = Жадты TMX 1.4b, CSV немесе TSV ретінде экспорттау
cmd-export-output = Жазылатын файл, не стандартты шығыс үшін -
cmd-export-format = Пішім (әдепкіде шығыс файлының кеңейтімінен, болмаса TMX)
cmd-export-langs = Тек осы тілдер, үтірмен бөлінген
cmd-export-srclang = TMX тақырыбына жазылатын бастапқы тіл
cmd-export-no-sanitize = CSV ұяшықтарын электрондық кесте формулаларын залалсыздандырмай, сол күйінде жазу
cmd-stats = Жадтағы бірліктерді тілдер мен тіл жұптары бойынша санау
cmd-stats-format = Шығыс пішімі
cli-error-unknown-argument = күтілмеген аргумент: «{ $arg }»
cli-error-unknown-command = белгісіз команда: «{ $command }»
cli-error-invalid-value = { $arg } үшін жарамсыз мән: «{ $value }»; мүмкін мәндер: { $values }
cli-error-missing-argument = міндетті аргумент берілмеген: { $args }
cli-error-conflict = { $arg } пен { $other } бірге қолданылмайды
cli-error-other = командалық жол қате
cli-error-hint = Толығырақ ақпарат үшін «tarjuman --help» енгізіңіз.

## Сәйкестік іздеу

match-query = Сұраныс: { $query }
match-none = ең төменгі ұпайдан жоғары сәйкестік жоқ
match-hit = { $score } #{ $unit }  { $source }
cmd-match = Мәтін үшін жадтан ең жақсы анық емес сәйкестіктерді табу
cmd-match-from = Сәйкестік ізделетін мәтіннің тілі
cmd-match-to = Көрсетілетін аудармалардың тілі
cmd-match-top = Әр сұранысқа қанша сәйкестік
cmd-match-min = Көрсетілетін ең төменгі ұпай, пайызбен
cmd-match-metric = Өңдеу қашықтығы нені санайды: таңбаларды не сөздерді
cmd-match-format = Шығыс пішімі
cmd-match-queries = Сұраныстар файлы, әр жолда бір сұраныс (болмаса TEXT не стандартты кіріс)
cmd-match-text = Сәйкестік ізделетін мәтін
match-adjusted = (сандар мен тегтер сұранысқа бейімделді)
cmd-match-context-prev = Сұраныстың алдындағы сегмент: жадта дәл сол сегменттен кейін тұрған 100 % сәйкестік 101 болады
cmd-match-context-next = Сұраныстан кейінгі сегмент: жадта дәл сол сегменттің алдында тұрған 100 % сәйкестік 101 болады
cmd-match-context = Сұраныстың идентификаторы (x-context, msgctxt, resname): идентификаторы бірдей 100 % сәйкестік 101 болады
## Глоссарий

error-automaton = глоссарийлерді компиляциялау мүмкін емес: { $detail }
reason-glossary-missing-column = глоссарийде «{ $column }» бағаны жоқ
reason-glossary-needs-languages = глоссарийде тілдер көрсетілмеген; оларды --source-lang және --target-lang арқылы беріңіз
reason-glossary-entry-rejected = жаңа жазбада мәселелер бар ({ $count }), ол қосылмады
glossary-list-summary = { $count } жазба
glossary-field-id = id
glossary-field-type = түрі
glossary-field-allowed = рұқсат етілген жазылулар
glossary-field-variants = нұсқалар
glossary-field-forbidden = тыйым салынған жазылулар
glossary-field-note = ескертпе
glossary-field-glossary = глоссарий
glossary-no-entry = «{ $id }» id-і бар жазба жоқ
glossary-search-none = «{ $text }» сияқты жазылатын жазба жоқ
glossary-search-hit = { $id } ({ $type }): { $forms } — «{ $spelling }» жазылуына сәйкес ({ $score })
glossary-add-similar = «{ $spelling }» { $other } жазбасының «{ $match }» жазылуына ұқсайды; бұл оның нұсқасы емес пе?
glossary-add-done = { $id } { $path } файлына қосылды.
glossary-problem-line = { $path }:{ $line }: { $message }
glossary-validate-ok = { $path }: мәселе жоқ ({ $entries } жазба)
glossary-validate-problems = { $path }: { $count } мәселе
glossary-import-done = { $entries } жазба { $path } файлына жазылды.
glossary-import-merged = { $path }: { $added } қосылды, { $merged } біріктірілді, { $conflicts } қайшылық
glossary-import-conflict = { $id }: { $column } «{ $kept }» күйінде қалады; импортталған файлда «{ $incoming }» бар
glossary-export-done = { $entries } жазба { $path } файлына жазылды.
glossary-find-mention = { $path }:{ $line }:{ $column }: { $found } → { $entry } ({ $form })
glossary-form-canonical = негізгі жазылу
glossary-form-allowed = рұқсат етілген жазылу
glossary-form-variant = нұсқа
glossary-form-forbidden = тыйым салынған жазылу
glossary-problem-duplicate-id = [{ $id }] бұл id { $first }-жолда қолданылған
glossary-problem-empty-id = жазбаның id-і жоқ
glossary-problem-duplicate-spelling = [{ $id }] «{ $spelling }» — { $other } жазбасының да жазылуы
glossary-problem-repeated-spelling = [{ $id }] «{ $spelling }» жазбада екі рет көрсетілген
glossary-problem-wrong-script = [{ $id }] { $column } бағанында «{ $text }» тұр, ол { $script } жазуында емес
glossary-problem-mixed-script = [{ $id }] { $column } бағанындағы «{ $text }» әртүрлі жазуларды араластырады
glossary-problem-not-nfc = [{ $id }] { $column } бағаны Unicode NFC пішімінде емес
glossary-problem-whitespace = [{ $id }] { $column } бағанында артық бос орын бар
glossary-problem-empty-item = [{ $id }] { $column } тізімінде бос элемент бар
glossary-problem-empty-entry = [{ $id }] жазбаның ешбір тілде пішіні жоқ
glossary-problem-unknown-type = [{ $id }] белгісіз түр «{ $type }» (person, institution, title, place не term)
cli-glossaries = Осы глоссарий файлын да қолдану (қайталауға болады; кейінгі файлдар басым)
cli-no-default-glossaries = tarjuman-мен бірге келетін глоссарийлерді қолданбау
cmd-glossary = Глоссарийлер: қарау, тексеру, түрлендіру және атауларды мәтіннен табу
cmd-glossary-list = Қолданыстағы глоссарийлердің жазбаларын көрсету
cmd-glossary-list-kind = Тек осы түрдегі жазбалар
cmd-glossary-show = Бір жазбаны барлық жазылуларымен көрсету
cmd-glossary-show-id = Жазбаның id-і
cmd-glossary-search = Жазбаларды кез келген жазылуы бойынша, кез келген жазуда табу
cmd-glossary-search-text = Кез келген жазудағы жазылу
cmd-glossary-add = Глоссарий файлына тексерілген жазба қосу
cmd-glossary-add-file = Глоссарий файлы (жоқ болса, жасалады)
cmd-glossary-add-id = Жаңа жазбаның id-і
cmd-glossary-add-kind = Жазба нені атайды
cmd-glossary-add-en = Ағылшынша пішіні
cmd-glossary-add-az = Әзербайжанша пішіні (латын жазуы)
cmd-glossary-add-kk = Қазақша пішіні (кирилл жазуы)
cmd-glossary-add-ar = Арабша пішіні
cmd-glossary-add-form = Басқа тілдегі пішіні, ТІЛ=МӘТІН түрінде (қайталауға болады)
cmd-glossary-add-variants = Белгілі нұсқа жазылулар, | арқылы бөлінген
cmd-glossary-add-allowed = Қабылданған балама жазылулар, | арқылы бөлінген
cmd-glossary-add-forbidden = Ескірген жазылулар, | арқылы бөлінген
cmd-glossary-add-note = Адамдарға арналған ескертпе
cmd-glossary-validate = Глоссарий файлдарын тексеріп, әр мәселені жолымен хабарлау (мәселе болса, шығу коды 1)
cmd-glossary-validate-files = Тексерілетін глоссарий файлдары
cmd-glossary-import = Терминдер базасын (TBX, CSV/TSV, OmegaT) глоссарий файлына түрлендіру
cmd-glossary-import-file = Түрлендірілетін терминдер базасы
cmd-glossary-import-output = Жазылатын глоссарий файлы
cmd-glossary-import-append = Бар глоссарий файлымен біріктіріп, қайшылықтарды хабарлау
cmd-glossary-import-source-lang = Тақырыбы жоқ файлдағы (OmegaT) бірінші бағанның тілі
cmd-glossary-import-target-lang = Тақырыбы жоқ файлдағы (OmegaT) екінші бағанның тілі
cmd-glossary-export = Қолданыстағы глоссарийлерді CSV, TSV не TBX ретінде жазу
cmd-glossary-export-output = Жазылатын файл, не стандартты шығыс үшін -
cmd-glossary-export-format = Пішім (әдепкі бойынша шығыс файлының кеңейтуінен, әйтпесе CSV)
cmd-glossary-export-langs = Тек осы тілдер, үтірмен бөлінген
cmd-glossary-export-pair = Екі баған, бастапқы және мақсатты, OmegaT, memoQ және Trados импорттайтындай
cmd-glossary-export-excel = Excel үшін UTF-8 байт реті белгісі және CRLF жол соңдары
cmd-glossary-export-no-sanitize = Ұяшықтарды кесте формулаларын залалсыздандырмай, бар күйінде жазу
cmd-glossary-find = Мәтін файлдарындағы глоссарий жазбаларының әрбір аталуын көрсету
cmd-glossary-find-files = Іздеу жүргізілетін мәтін файлдары
cmd-glossary-find-format = Шығыс пішімі
cmd-glossary-extract = Ешбір глоссарийде жоқ ықтимал атаулар мен терминдерді глоссарий CSV ретінде көрсету
cmd-glossary-extract-files = Оқылатын мәтін файлдары (ғаламдық --lang олардың тілін білдіреді)
## segment and align

reason-srx-bad-value = { $attribute }="{ $value }" мәні тек yes немесе no болуы керек
reason-srx-unknown-rule = <languagemap> “{ $name }” тіл ережесін көрсетеді, бірақ файлда ондай ереже жоқ
reason-srx-regex = “{ $pattern }” үлгісін қолдану мүмкін емес ({ $detail }); ереже өткізіліп жіберіледі
reason-project-file = жоба файлы дұрыс емес: { $detail }
reason-project-unknown-rule = «{ $rule }» деген ереже жоқ; ережелер: glossary-variant, forbidden-spelling, inconsistent-name, mixed-script, term-missing және invisible-char
reason-project-rule-setting = «{ $value }» — { $rule } ережесінің мәні емес: on, off, info, warning не error жазыңыз
reason-fix-one-file = --fix бір файлдың мәтінін жазады (-o OUT файлына не стандартты шығысқа); бірнеше файл үшін --in-place не --diff қолданыңыз
progress-aligning = { $source } мен { $target } сәйкестендірілуде
align-done = { $source } бастапқы және { $target } мақсатты сөйлем: { $pairs } жұп, сәйкесі жоқ { $unmatched } сөйлем; орташа сенімділік { $confidence }.
align-written = Сәйкестіктер { $path } файлына жазылды.
align-imported = Жадқа { $added } жаңа бірлік қосылды ({ $pairs } жұптың ішінен).
cmd-segment = Құжатты сөйлемдерге бөлу немесе сегменттеу ережелерін SRX 2.0 ретінде экспорттау
cmd-segment-file = Бөлінетін құжат (қарапайым мәтін немесе Markdown)
cmd-segment-lang = Құжаттың тілі
cmd-segment-rules = Кірістірілген ережелердің орнына қолданылатын SRX 2.0 ережелері
cmd-segment-format = Шығыс пішімі
cmd-segment-markdown = Құжатты Markdown ретінде оқу (.md және .markdown файлдары үшін әдепкі)
cmd-segment-export-srx = Оның орнына қолданыстағы ережелерді (кірістірілген немесе --rules) SRX 2.0 ретінде жазу
cmd-segment-output = Жазылатын файл, немесе стандартты шығыс үшін -
cmd-align = Құжат пен оның аудармасының сөйлемдерін сәйкестендіру
cmd-align-source = Түпнұсқа құжат
cmd-align-target = Оның аудармасы
cmd-align-from = Түпнұсқаның тілі
cmd-align-to = Аударманың тілі
cmd-align-output = Сәйкестіктерді осы файлға (.tmx немесе .tsv) немесе стандартты шығыс үшін - жазу
cmd-align-format = Шығыс пішімі (әдепкіде шығыс файлының кеңейтуі бойынша, әйтпесе TSV)
cmd-align-import = Сәйкестендірілген жұптарды жадқа қосу (бір транзакцияда)
cmd-align-min-confidence = Сенімділігі осыдан төмен жұптарды өткізіп жіберу (0-ден 1-ге дейін)
cmd-align-rules = Екі құжатты да бөлуге арналған SRX 2.0 ережелері
cmd-names = Жобалардағы атаулар (әр атау жазылуларымен, саны және орындарымен) не --pairs: екі жазылудың бір атау екенін анықтау
cmd-names-pairs = Тақырыбы және id, a, b бағандары бар жұптар CSV-і: id,score жазады (1 = бір атау; 0.5 және жоғары = бірдей)
cmd-names-output = Жазылатын файл (әдепкі бойынша стандартты шығыс)
cmd-names-files = Атаулары жазылуларымен, саны және орындарымен тізілетін жобалар
cmd-names-format = Атаулар тізімінің шығыс пішімі
names-entry = { $name } (глоссарий жазбасы { $entry }): { $count } рет, { $spellings } жазылу
names-unlisted = { $name }: { $count } рет, { $spellings } жазылу
names-spelling = { $spelling } ×{ $count }: { $places }

## Тексеру есептері (csv, sarif, html)

rule-help-glossary-variant = Глоссарийдегі атау не терминнің құжат тіліндегі негізгі жазылуынан басқаша жазылуы
rule-help-forbidden-spelling = Глоссарий тыйым салған жазылу
rule-help-inconsistent-name = Глоссарийлерде жоқ, бірнеше түрлі жазылған атау
rule-help-mixed-script = Жазуларды араластырған не басқа жазудың ұқсас әріптерін қолданған сөз
rule-help-term-missing = Бастапқы мәтіндегі глоссарий терминінің бекітілген аудармасы аударма мәтінде жоқ
rule-help-invisible-char = Атау ішіндегі ені нөлдік, bidi басқару не жұмсақ дефис таңбасы
report-title = tarjuman тексеру есебі
report-summary-heading = Қорытынды
report-document = Құжат
report-language = Тіл
report-total = Барлығы
report-document-findings = { $count ->
    [0] Ештеңе табылмады.
   *[other] { $count } мәселе табылды.
  }
report-totals = { $documents } құжат: { $errors } қате, { $warnings } ескерту, { $infos } ақпарат.

## check
reason-line-too-long = жол { $limit } байттан ұзын
glossary-variant = «{ $found }» — бұл тілге арналған глоссарийдегі жазылу емес (жазба { $entry })
forbidden-spelling = «{ $found }» — тыйым салынған жазылу (жазба { $entry })
inconsistent-name = «{ $found }» мәтіннің басқа жерінде басқаша жазылған: «{ $suggestion }»
mixed-script = «{ $found }» әртүрлі жазу әріптерін араластырады
term-missing = аудармада «{ $suggestion }» глоссарий термині жоқ (жазба { $entry })
invisible-char = «{ $found }» ішінде көрінбейтін таңба бар
check-severity-info = ескертпе
check-severity-warning = ескерту
check-severity-error = қате
check-finding = { $path }:{ $line }:{ $column }: { $severity }[{ $rule }] { $message }
check-suggestion = ұсыныс: { $suggestion }
check-summary = тексерілген файлдар: { $files }; қателер: { $errors }, ескертулер: { $warnings }, ескертпелер: { $infos }
check-skipped = өткізіп жіберілді: { $reason }
cmd-check = Жобаларды глоссарий нұсқаларына, сәйкес емес атауларға, аралас жазуларға және жетіспейтін терминдерге тексеру
cmd-check-files = Тексерілетін жобалар: мәтін, Markdown, XLIFF, PO, TMX, CSV/TSV
cmd-check-doc-lang = Жобалардың тілі (әдепкі бойынша автоматты анықталады немесе файлда көрсетілген)
cmd-check-source = Мәтін жобасының бастапқы мәтіні (сөйлем бойынша сәйкестендіріледі, term-missing үшін)
cmd-check-across = Атауларды әр файл ішінде ғана емес, барлық файлдар арасында салыстыру
cmd-check-prefer = Сәйкес емес атаудың қай жазылуы үлгі болып саналады
cmd-check-format = Шығыс пішімі
cmd-check-output = Жазылатын файл (әдепкі бойынша стандартты шығыс); --fix бірге түзетілген мәтін
cmd-check-fail-on = Осы деңгейдегі немесе одан жоғары мәселе табылса, 1 кодымен шығу
cmd-check-keep-going = Оқылмайтын файлдар мен глоссарийлерді тоқтамай, ескертумен өткізіп жіберу
cmd-check-fix = Біржақты ұсыныстарды қолдану: -o OUT файлына, --in-place арқылы не --diff түрінде
cmd-check-in-place = --fix бірге: әр файлды қайта жазу, түпнұсқасын FILE.orig ретінде сақтау
cmd-check-diff = --fix бірге: түзетулерді жазудың орнына unified diff түрінде көрсету
check-fix-done = { $path }: { $applied ->
    [0] ештеңе түзетілмеді
   *[other] { $applied } түзету қолданылды
  }{ $skipped ->
    [0] .
   *[other] ; { $skipped } ұсыныс өзгеріссіз қалды (біржақты емес).
  }


## search

error-empty-pattern = іздеу үлгісі бос
warning-lang-not-in-store = жадта { $lang } тіліндегі мәтін жоқ; оның тілдері: { $known }
search-none = Жадта «{ $pattern }» табылмады.
search-hit = #{ $unit } { $lang }: { $text }
search-limit = (алғашқы { $limit } нәтиже; көбірек көру үшін --limit)
cmd-search = Конкорданс: мәтін үзіндісі жадтың қай жерінде кездеседі, аудармаларымен бірге
cmd-search-pattern = Ізделетін мәтін
cmd-search-lang = Тек осы тілде
cmd-search-ignore-case = Әріп регистрін ескермеу (нүктелі және нүктесіз I әр мәтіннің тіліне қарай)
cmd-search-ignore-diacritics = Араб диакритикасын ескермеу: ташкил, татвил, әлиф үстіндегі хамза мен мадда
cmd-search-limit = Көрсетілетін нәтижелердің ең көп саны
cmd-search-format = Шығыс пішімі

## analyze

analyze-file = { $path }
analyze-total = Барлық файлдар
analyze-total-row = Барлығы
analyze-repetitions = Қайталаулар
analyze-no-match = Сәйкестік жоқ
analyze-segments = Сегменттер
analyze-words = Сөздер
analyze-characters = Таңбалар
cmd-analyze = Құжаттың сегменттерін, сөздерін және таңбаларын жадтағы сәйкестік деңгейі бойынша санау
cmd-analyze-files = Құжаттар: қарапайым мәтін, Markdown, XLIFF, PO немесе TMX
cmd-analyze-from = Құжаттардың тілі
cmd-analyze-to = Тек осы тілде аудармасы бар жад бірліктерін ескеру
cmd-analyze-format = Шығыс пішімі

## pretranslate

pretranslate-done = { $path }: { $segments } сегмент, { $exact } сегмент 100 % сәйкестікпен, { $fuzzy } сегмент анық емес сәйкестікпен толтырылды
pretranslate-codes = Басқа атаулар кеңістігінің ішкі элементтері бар { $count } сегмент аудармашыға қалдырылды
pretranslate-codes-appended = { $count } сегменттің ішкі кодтары мәтіннен кейін, бастапқы ретпен қойылды (жадтың кодтары оларға сәйкес келмеді): оларды орнына жылжытыңыз
cmd-pretranslate = Құжаттың аудармаларын жадтан толтыру: XLIFF XLIFF болып, PO PO болып қалады, мәтін XLIFF 2.0 болады
cmd-pretranslate-file = Құжат: XLIFF 1.2 не 2.0, PO, қарапайым мәтін немесе Markdown
cmd-pretranslate-from = Бастапқы мәтіннің тілі
cmd-pretranslate-to = Аудармалардың тілі
cmd-pretranslate-min = Қолданылатын ең төменгі ұпай, пайызбен
cmd-pretranslate-output = Жазылатын файл (XLIFF, қарапайым мәтін мен Markdown үшін XLIFF; PO үшін PO) немесе стандартты шығыс үшін -
