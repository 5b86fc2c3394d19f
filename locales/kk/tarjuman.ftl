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
reason-utf16-without-bom = файл UTF-16 сияқты, бірақ байт реті белгісі (BOM) жоқ
reason-unknown-encoding = қолдау көрсетілмейтін таңба кодтамасы: «{ $encoding }»
reason-binary = бұл аударма жады файлы емес (екілік деректер бар)
reason-unknown-format = файлдың пішімін анықтау мүмкін болмады; оны --format арқылы көрсетіңіз
reason-xml = қате XML: { $detail }
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

## segment and align

reason-srx-bad-value = { $attribute }="{ $value }" мәні тек yes немесе no болуы керек
reason-srx-unknown-rule = <languagemap> “{ $name }” тіл ережесін көрсетеді, бірақ файлда ондай ереже жоқ
reason-srx-regex = “{ $pattern }” үлгісін қолдану мүмкін емес ({ $detail }); ереже өткізіліп жіберіледі
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
