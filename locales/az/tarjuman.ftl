# tarjuman — Azərbaycan dilində interfeys mesajları.

## Diaqnostika prefiksləri

error-prefix = xəta
warning-prefix = xəbərdarlıq

## Xətalar

error-io = { $path } faylını oxumaq və ya yazmaq mümkün deyil: { $detail }
error-input-at = { $path }:{ $line }:{ $column }: { $reason }
error-input = { $path }: { $reason }
error-store = { $path } yaddaş bazasında xəta: { $detail }
error-store-too-new = { $path } yaddaş bazasının sxem versiyası { $found }-dir; bu tarjuman ən çoxu { $supported } versiyasını anlayır. tarjuman-ı yeniləyin.
error-not-a-store = { $path } tarjuman yaddaş bazası deyil
error-lang-tag = { $reason }
error-no-input = giriş faylı verilməyib
warning-unknown-ui-lang = “{ $lang }” interfeys dili mövcud deyil; ingilis dili işlədilir

## Giriş faylının rədd edilmə səbəbi

reason-empty = fayl boşdur
reason-invalid-utf8 = fayl düzgün UTF-8 mətni deyil
reason-not-utf8 = fayl UTF-8 deyil; yalnız UTF-8 faylları yerində doldurula bilər
reason-utf16-without-bom = fayl UTF-16-ya bənzəyir, amma bayt sırası nişanı (BOM) yoxdur
reason-unknown-encoding = dəstəklənməyən simvol kodlaşdırması: “{ $encoding }”
reason-binary = bu, tərcümə yaddaşı faylı deyil (ikili məlumat var)
reason-unknown-format = faylın formatını müəyyən etmək mümkün olmadı; onu --format ilə göstərin
reason-xml = səhv XML: { $detail }
reason-xml-mismatched-end-tag = səhv XML: açıq elementi </{ $expected }> bağlamalı idi, </{ $found }> tapıldı
reason-xml-unmatched-end-tag = səhv XML: </{ $found }> heç bir açıq elementi bağlamır
reason-truncated = fayl sənəd tamamlanmamış bitir
reason-undefined-entity = müəyyən edilməmiş obyekt: “&{ $entity };”
reason-entity-declaration = DOCTYPE obyektlər elan edir; onlar heç vaxt açılmır
reason-wrong-root = <{ $expected }> sənədi gözlənilirdi, <{ $found }> tapıldı
reason-missing-attribute = <{ $element }> elementində { $attribute } atributu yoxdur
reason-invalid-xml-char = { $char } simvoluna XML-də icazə verilmir
reason-malformed-lang = səhv dil teqi: “{ $tag }”
reason-unknown-lang = “{ $tag }” teqində naməlum dil
reason-csv-quote = dırnaq içindəki sahə bağlanmayıb
reason-csv-text-after-quote = sahənin bağlanan dırnağından sonra mətn var
reason-csv-width = sətirdə { $found } sahə var, başlıqda isə { $expected }
reason-csv-no-language = başlıqda dil sütunu yoxdur
reason-csv-duplicate-column = “{ $column }” sütunu başlıqda iki dəfə var
reason-csv = CSV xətası: { $detail }
reason-po = PO sintaksis xətası: { $detail }
reason-po-no-language = PO faylında dil göstərilməyib; onu --target-lang ilə verin

## İdxal

progress-importing = İdxal edilir: { $file }
progress-indexing-matches = Yaddaş qeyri-dəqiq uyğunluq üçün indekslənir ({ $lang })…
progress-indexing-search = Yaddaş axtarış üçün indekslənir…
import-file = { $path }: { $units } vahid, { $added } yeni, { $duplicates } artıq yaddaşda idi
import-single-language = { $count } vahiddə yalnız bir dil var (saxlanıldı)
import-empty-segments = { $count } boş seqment atıldı
import-empty-units = mətnsiz { $count } vahid buraxıldı
import-fuzzy = { $count } qeyri-dəqiq (fuzzy) qeyd buraxıldı
import-obsolete = { $count } köhnəlmiş qeyd buraxıldı
import-other-skipped = formatın saxlaya bilmədiyi { $count } variant buraxıldı
import-total = Yaddaşda { $total } vahid var ({ $added } yeni).

## İxrac

export-done = { $units } vahid { $path } faylına yazıldı.

## Statistika

stats-store = Yaddaş bazası: { $path }
stats-missing = { $path } ünvanında hələ yaddaş bazası yoxdur: o, ilk idxalda yaradılır.
stats-units = Vahidlər: { $count }
stats-languages = Dillər üzrə vahidlər:
stats-pairs = Dil cütləri üzrə vahidlər:
stats-size = Diskdə həcmi: { $size }

## Əmr sətri: kömək mətnləri və xətalar

cli-about = İngilis, Azərbaycan, Qazax və Ərəb dilləri üçün tərcümə yaddaşı, lüğət və ad yoxlamaları
cli-usage-heading = İstifadə:
cli-options-heading = Seçimlər
cli-arguments-heading = Arqumentlər
cli-commands-heading = Əmrlər
cli-values = dəyərlər: { $values }
cli-default = susmaya görə: { $value }
cli-help = Köməyi göstər
cli-version = Buraxılışı göstər
cli-db = Yaddaş bazası (SQLite faylı; həmçinin TARJUMAN_DB)
cli-lang = İnterfeys dili: en, az, kk və ya ar
cli-quiet = Yalnız xətaları göstər; irəliləyiş zolağı olmasın
cli-color = Rənglərdən nə vaxt istifadə edilsin
cmd-import = TMX, CSV/TSV, XLIFF və ya PO fayllarını yaddaşa idxal et (ya hamısı, ya heç biri)
cmd-import-files = İdxal ediləcək fayllar
cmd-import-format = Faylların formatı (susmaya görə uzantıdan və məzmundan müəyyən edilir)
cmd-import-source-lang = Mənbə dilini göstərməyən fayllar üçün mənbə dili (PO: en)
cmd-import-target-lang = Hədəf dilini göstərməyən fayllar üçün hədəf dili
cmd-export = Yaddaşı TMX 1.4b, CSV və ya TSV kimi ixrac et
cmd-export-output = Yazılacaq fayl və ya standart çıxış üçün -
cmd-export-format = Format (susmaya görə çıxış faylının uzantısından, əks halda TMX)
cmd-export-langs = Yalnız bu dillər, vergüllə ayrılmış
cmd-export-srclang = TMX başlığına yazılan mənbə dili
cmd-export-no-sanitize = CSV xanalarını elektron cədvəl düsturlarını zərərsizləşdirmədən olduğu kimi yaz
cmd-stats = Yaddaşdakı vahidləri dillər və dil cütləri üzrə say
cmd-stats-format = Çıxış formatı
cli-error-unknown-argument = gözlənilməyən arqument: “{ $arg }”
cli-error-unknown-command = naməlum əmr: “{ $command }”
cli-error-invalid-value = { $arg } üçün yanlış dəyər: “{ $value }”; mümkün dəyərlər: { $values }
cli-error-missing-argument = tələb olunan arqument verilməyib: { $args }
cli-error-conflict = { $arg } { $other } ilə birlikdə işlədilə bilməz
cli-error-other = yanlış əmr sətri
cli-error-hint = Ətraflı məlumat üçün “tarjuman --help” yazın.

## Uyğunluq axtarışı

match-query = Sorğu: { $query }
match-none = minimum baldan yuxarı uyğunluq yoxdur
match-hit = { $score } #{ $unit }  { $source }
cmd-match = Mətn üçün yaddaşda ən yaxşı qeyri-dəqiq uyğunluqları tap
cmd-match-from = Uyğunluq axtarılan mətnin dili
cmd-match-to = Göstəriləcək tərcümələrin dili
cmd-match-top = Hər sorğu üçün neçə uyğunluq
cmd-match-min = Göstərilən ən aşağı bal, faizlə
cmd-match-metric = Redaktə məsafəsi nəyi sayır: simvolları və ya sözləri
cmd-match-format = Çıxış formatı
cmd-match-queries = Sorğular faylı, hər sətirdə bir sorğu (əks halda TEXT və ya standart giriş)
cmd-match-text = Uyğunluq axtarılan mətn
match-adjusted = (rəqəmlər və teqlər sorğuya uyğunlaşdırıldı)
cmd-match-context-prev = Sorğudan əvvəlki seqment: yaddaşda eyni seqmentdən sonra gələn 100 % uyğunluq 101 sayılır
cmd-match-context-next = Sorğudan sonrakı seqment: yaddaşda eyni seqmentdən əvvəl gələn 100 % uyğunluq 101 sayılır
cmd-match-context = Sorğunun identifikatoru (x-context, msgctxt, resname): eyni identifikatorlu 100 % uyğunluq 101 sayılır
## Qlossari

error-automaton = qlossariləri kompilyasiya etmək mümkün deyil: { $detail }
reason-glossary-missing-column = qlossaridə “{ $column }” sütunu yoxdur
reason-glossary-needs-languages = qlossari dilləri göstərmir; onları --source-lang və --target-lang ilə verin
reason-glossary-entry-rejected = yeni maddədə problemlər var ({ $count }), o əlavə edilmədi
glossary-list-summary = { $count } maddə
glossary-field-id = id
glossary-field-type = növ
glossary-field-allowed = icazəli yazılışlar
glossary-field-variants = variantlar
glossary-field-forbidden = qadağan yazılışlar
glossary-field-note = qeyd
glossary-field-glossary = qlossari
glossary-no-entry = “{ $id }” id-li maddə yoxdur
glossary-search-none = “{ $text }” kimi yazılan maddə yoxdur
glossary-search-hit = { $id } ({ $type }): { $forms } — “{ $spelling }” ilə uyğun gəlir ({ $score })
glossary-add-similar = “{ $spelling }” { $other } maddəsinin “{ $match }” yazılışına bənzəyir; bu onun variantı deyilmi?
glossary-add-done = { $id } { $path } faylına əlavə edildi.
glossary-problem-line = { $path }:{ $line }: { $message }
glossary-validate-ok = { $path }: problem yoxdur ({ $entries } maddə)
glossary-validate-problems = { $path }: { $count } problem
glossary-import-done = { $entries } maddə { $path } faylına yazıldı.
glossary-import-merged = { $path }: { $added } əlavə edildi, { $merged } birləşdirildi, { $conflicts } ziddiyyət
glossary-import-conflict = { $id }: { $column } “{ $kept }” olaraq qalır; idxal olunan faylda “{ $incoming }” var
glossary-export-done = { $entries } maddə { $path } faylına yazıldı.
glossary-find-mention = { $path }:{ $line }:{ $column }: { $found } → { $entry } ({ $form })
glossary-form-canonical = əsas yazılış
glossary-form-allowed = icazəli yazılış
glossary-form-variant = variant
glossary-form-forbidden = qadağan yazılış
glossary-problem-duplicate-id = [{ $id }] bu id artıq { $first }-ci sətirdə istifadə olunub
glossary-problem-empty-id = maddənin id-si yoxdur
glossary-problem-duplicate-spelling = [{ $id }] “{ $spelling }” həm də { $other } maddəsinin yazılışıdır
glossary-problem-repeated-spelling = [{ $id }] “{ $spelling }” maddədə iki dəfə göstərilib
glossary-problem-wrong-script = [{ $id }] { $column } sütununda “{ $text }” var, o isə { $script } əlifbasında deyil
glossary-problem-mixed-script = [{ $id }] { $column } sütunundakı “{ $text }” müxtəlif əlifbaları qarışdırır
glossary-problem-not-nfc = [{ $id }] { $column } sütunu Unicode NFC formasında deyil
glossary-problem-whitespace = [{ $id }] { $column } sütununda artıq boşluq var
glossary-problem-empty-item = [{ $id }] { $column } siyahısında boş element var
glossary-problem-empty-entry = [{ $id }] maddənin heç bir dildə forması yoxdur
glossary-problem-unknown-type = [{ $id }] naməlum növ “{ $type }” (person, institution, title, place və ya term)
cli-glossaries = Bu qlossari faylından da istifadə et (təkrarlana bilər; sonrakı fayllar üstündür)
cli-no-default-glossaries = tarjuman ilə gələn qlossarilərdən istifadə etmə
cmd-glossary = Qlossarilər: baxış, yoxlama, çevirmə və adların mətndə tapılması
cmd-glossary-list = İstifadə olunan qlossarilərin maddələrini göstər
cmd-glossary-list-kind = Yalnız bu növün maddələri
cmd-glossary-show = Bir maddəni bütün yazılışları ilə göstər
cmd-glossary-show-id = Maddənin id-si
cmd-glossary-search = Maddələri istənilən yazılışla, istənilən əlifbada tap
cmd-glossary-search-text = İstənilən əlifbada yazılış
cmd-glossary-add = Qlossari faylına yoxlanılmış maddə əlavə et
cmd-glossary-add-file = Qlossari faylı (yoxdursa yaradılır)
cmd-glossary-add-id = Yeni maddənin id-si
cmd-glossary-add-kind = Maddənin adlandırdığı şey
cmd-glossary-add-en = İngiliscə forma
cmd-glossary-add-az = Azərbaycanca forma (latın əlifbası)
cmd-glossary-add-kk = Qazaxca forma (kiril əlifbası)
cmd-glossary-add-ar = Ərəbcə forma
cmd-glossary-add-form = Başqa dildə forma, DİL=MƏTN şəklində (təkrarlana bilər)
cmd-glossary-add-variants = Məlum variant yazılışlar, | ilə ayrılmış
cmd-glossary-add-allowed = Qəbul olunan alternativ yazılışlar, | ilə ayrılmış
cmd-glossary-add-forbidden = Köhnəlmiş yazılışlar, | ilə ayrılmış
cmd-glossary-add-note = İnsanlar üçün qeyd
cmd-glossary-validate = Qlossari fayllarını yoxla və hər problemi sətri ilə bildir (problem olduqda çıxış kodu 1)
cmd-glossary-validate-files = Yoxlanılacaq qlossari faylları
cmd-glossary-import = Termin bazasını (TBX, CSV/TSV, OmegaT) qlossari faylına çevir
cmd-glossary-import-file = Çevriləcək termin bazası
cmd-glossary-import-output = Yazılacaq qlossari faylı
cmd-glossary-import-append = Mövcud qlossari faylı ilə birləşdir və ziddiyyətləri bildir
cmd-glossary-import-source-lang = Başlığı olmayan faylda (OmegaT) birinci sütunun dili
cmd-glossary-import-target-lang = Başlığı olmayan faylda (OmegaT) ikinci sütunun dili
cmd-glossary-export = İstifadə olunan qlossariləri CSV, TSV və ya TBX kimi yaz
cmd-glossary-export-output = Yazılacaq fayl, standart çıxış üçün isə -
cmd-glossary-export-format = Format (standart olaraq çıxış faylının genişlənməsinə görə, əks halda CSV)
cmd-glossary-export-langs = Yalnız bu dillər, vergüllə ayrılmış
cmd-glossary-export-pair = İki sütun, mənbə və hədəf, OmegaT, memoQ və Trados-un idxal etdiyi kimi
cmd-glossary-export-excel = Excel üçün UTF-8 bayt sırası nişanı və CRLF sətir sonları
cmd-glossary-export-no-sanitize = Xanaları cədvəl düsturlarını zərərsizləşdirmədən olduğu kimi yaz
cmd-glossary-find = Mətn fayllarında qlossari maddələrinin hər bir çəkilişini göstər
cmd-glossary-find-files = Axtarış aparılacaq mətn faylları
cmd-glossary-find-format = Çıxış formatı
cmd-glossary-extract = Heç bir qlossaridə olmayan ehtimal olunan ad və terminləri qlossari CSV-si kimi göstər
cmd-glossary-extract-files = Oxunacaq mətn faylları (qlobal --lang onların dilini bildirir)
## segment and align

reason-srx-bad-value = { $attribute }="{ $value }" yalnız yes və ya no ola bilər
reason-srx-unknown-rule = <languagemap> “{ $name }” dil qaydasını göstərir, lakin faylda belə qayda yoxdur
reason-srx-regex = “{ $pattern }” şablonu işlədilə bilməz ({ $detail }); qayda buraxılır
reason-project-file = düzgün layihə faylı deyil: { $detail }
reason-project-unknown-rule = “{ $rule }” adlı qayda yoxdur; qaydalar: glossary-variant, forbidden-spelling, inconsistent-name, mixed-script, term-missing və invisible-char
reason-project-rule-setting = “{ $value }” { $rule } qaydası üçün keçərli dəyər deyil: on, off, info, warning və ya error yazın
reason-fix-one-file = --fix bir faylın mətnini yazır (-o OUT faylına və ya standart çıxışa); bir neçə fayl üçün --in-place və ya --diff işlədin
progress-aligning = { $source } və { $target } uyğunlaşdırılır
align-done = { $source } mənbə və { $target } hədəf cümləsi: { $pairs } cüt, qarşılığı olmayan { $unmatched } cümlə; orta etibarlılıq { $confidence }.
align-written = Uyğunluqlar { $path } faylına yazıldı.
align-imported = Yaddaşa { $added } yeni vahid əlavə olundu ({ $pairs } cütdən).
cmd-segment = Sənədi cümlələrə böl və ya seqmentləşdirmə qaydalarını SRX 2.0 kimi ixrac et
cmd-segment-file = Bölünəcək sənəd (sadə mətn və ya Markdown)
cmd-segment-lang = Sənədin dili
cmd-segment-rules = Daxili qaydaların əvəzinə işlədiləcək SRX 2.0 qaydaları
cmd-segment-format = Çıxış formatı
cmd-segment-markdown = Sənədi Markdown kimi oxu (.md və .markdown faylları üçün standart)
cmd-segment-export-srx = Bunun əvəzinə işlənən qaydaları (daxili və ya --rules ilə verilən) SRX 2.0 kimi yaz
cmd-segment-output = Yazılacaq fayl və ya standart çıxış üçün -
cmd-align = Sənədin və onun tərcüməsinin cümlələrini uyğunlaşdır
cmd-align-source = Orijinal sənəd
cmd-align-target = Onun tərcüməsi
cmd-align-from = Orijinalın dili
cmd-align-to = Tərcümənin dili
cmd-align-output = Uyğunluqları bu fayla (.tmx və ya .tsv) və ya standart çıxış üçün - yaz
cmd-align-format = Çıxış formatı (standart olaraq çıxış faylının genişlənməsinə görə, əks halda TSV)
cmd-align-import = Uyğunlaşdırılmış cütləri yaddaşa əlavə et (bir tranzaksiyada)
cmd-align-min-confidence = Etibarlılığı bundan aşağı olan cütləri burax (0-dan 1-ə qədər)
cmd-align-rules = Hər iki sənədi bölmək üçün SRX 2.0 qaydaları
cmd-names = Qaralamalardakı adlar (hər ad yazılışları, sayı və yerləri ilə) və ya --pairs: iki yazılışın eyni ad olub-olmadığı
cmd-names-pairs = Başlığı və id, a, b sütunları olan cütlər CSV-si: id,score yazır (1 = eyni ad; 0.5 və yuxarı = eyni)
cmd-names-output = Yazılacaq fayl (standart olaraq standart çıxış)
cmd-names-files = Adları yazılışları, sayları və yerləri ilə siyahılanacaq qaralamalar
cmd-names-format = Adlar siyahısının çıxış formatı
names-entry = { $name } (qlossari maddəsi { $entry }): { $count } dəfə, { $spellings } yazılış
names-unlisted = { $name }: { $count } dəfə, { $spellings } yazılış
names-spelling = { $spelling } ×{ $count }: { $places }

## Yoxlama hesabatları (csv, sarif, html)

rule-help-glossary-variant = Qlossaridəki ad və ya terminin sənədin dili üçün əsas yazılışından fərqli yazılışı
rule-help-forbidden-spelling = Qlossarinin qadağan etdiyi yazılış
rule-help-inconsistent-name = Qlossarilərdə olmayan və bir neçə cür yazılan ad
rule-help-mixed-script = Əlifbaları qarışdıran və ya başqa əlifbanın oxşar hərflərini işlədən söz
rule-help-term-missing = Mənbədəki qlossari termininin təsdiqlənmiş tərcüməsi hədəf mətndə yoxdur
rule-help-invisible-char = Adın içində sıfır enli, bidi idarəetmə və ya yumşaq defis simvolu
report-title = tarjuman yoxlama hesabatı
report-summary-heading = Xülasə
report-document = Sənəd
report-language = Dil
report-total = Cəmi
report-document-findings = { $count ->
    [0] Heç nə tapılmadı.
   *[other] { $count } tapıntı.
  }
report-totals = { $documents } sənəd: { $errors } xəta, { $warnings } xəbərdarlıq, { $infos } məlumat.

## check
reason-line-too-long = sətir { $limit } baytdan uzundur
glossary-variant = “{ $found }” bu dil üçün qlossaridəki yazılış deyil (maddə { $entry })
forbidden-spelling = “{ $found }” qadağan olunmuş yazılışdır (maddə { $entry })
inconsistent-name = “{ $found }” mətnin başqa yerində fərqli yazılıb: “{ $suggestion }”
mixed-script = “{ $found }” müxtəlif əlifbaların hərflərini qarışdırır
term-missing = tərcümədə qlossari termini “{ $suggestion }” yoxdur (maddə { $entry })
invisible-char = “{ $found }” daxilində görünməz simvol var
check-severity-info = qeyd
check-severity-warning = xəbərdarlıq
check-severity-error = xəta
check-finding = { $path }:{ $line }:{ $column }: { $severity }[{ $rule }] { $message }
check-suggestion = təklif: { $suggestion }
check-summary = yoxlanılan fayllar: { $files }; xətalar: { $errors }, xəbərdarlıqlar: { $warnings }, qeydlər: { $infos }
check-skipped = ötürüldü: { $reason }
cmd-check = Qaralamaları qlossari variantları, uyğunsuz adlar, qarışıq əlifbalar və çatışmayan terminlər üçün yoxla
cmd-check-files = Yoxlanılacaq qaralamalar: mətn, Markdown, XLIFF, PO, TMX, CSV/TSV
cmd-check-doc-lang = Qaralamaların dili (standart olaraq avtomatik təyin olunur və ya fayldan götürülür)
cmd-check-source = Mətn qaralamasının mənbə mətni (cümlə-cümlə uyğunlaşdırılır, term-missing üçün)
cmd-check-across = Adları yalnız hər faylın daxilində deyil, bütün fayllar arasında müqayisə et
cmd-check-prefer = Uyğunsuz adın hansı yazılışı nümunə sayılır
cmd-check-format = Çıxış formatı
cmd-check-output = Yazılacaq fayl (standart olaraq standart çıxış); --fix ilə düzəldilmiş mətn
cmd-check-fail-on = Bu və ya daha yüksək səviyyəli tapıntı olduqda 1 kodu ilə çıx
cmd-check-keep-going = Oxuna bilməyən fayl və qlossariləri dayanmadan, xəbərdarlıqla ötür
cmd-check-fix = Birmənalı təklifləri tətbiq et: -o OUT faylına, --in-place ilə və ya --diff kimi
cmd-check-in-place = --fix ilə: hər faylı yenidən yaz, əslini FILE.orig kimi saxla
cmd-check-diff = --fix ilə: düzəlişləri yazmaq əvəzinə unified diff kimi göstər
check-fix-done = { $path }: { $applied ->
    [0] heç nə düzəldilmədi
   *[other] { $applied } düzəliş tətbiq edildi
  }{ $skipped ->
    [0] .
   *[other] ; { $skipped } təklif olduğu kimi qaldı (birmənalı deyil).
  }


## search

error-empty-pattern = axtarış nümunəsi boşdur
warning-lang-not-in-store = yaddaşda { $lang } dilində mətn yoxdur; onun dilləri: { $known }
search-none = Yaddaşda “{ $pattern }” tapılmadı.
search-hit = #{ $unit } { $lang }: { $text }
search-limit = (ilk { $limit } nəticə; daha çoxu üçün --limit)
cmd-search = Konkordans: mətn parçasının yaddaşda harada işləndiyi, tərcümələri ilə birlikdə
cmd-search-pattern = Axtarılacaq mətn
cmd-search-lang = Yalnız bu dildə
cmd-search-ignore-case = Hərf registrini nəzərə alma (nöqtəli və nöqtəsiz I hər mətnin dilinə görə)
cmd-search-ignore-diacritics = Ərəb diakritik işarələrini nəzərə alma: təşkil, tətvil, əlif üzərində həmzə və mədd
cmd-search-limit = Göstərilən ən çox nəticə sayı
cmd-search-format = Çıxış formatı

## analyze

analyze-file = { $path }
analyze-total = Bütün fayllar
analyze-total-row = Cəmi
analyze-repetitions = Təkrarlar
analyze-no-match = Uyğunluq yoxdur
analyze-segments = Seqmentlər
analyze-words = Sözlər
analyze-characters = Simvollar
cmd-analyze = Sənədin seqment, söz və simvollarını yaddaşın onlara nə dərəcədə uyğun gəldiyinə görə say
cmd-analyze-files = Sənədlər: sadə mətn, Markdown, XLIFF, PO və ya TMX
cmd-analyze-from = Sənədlərin dili
cmd-analyze-to = Yalnız bu dildə tərcüməsi olan yaddaş vahidlərini nəzərə al
cmd-analyze-format = Çıxış formatı

## pretranslate

pretranslate-done = { $path }: { $segments } seqment, { $exact } seqment 100 % uyğunluqla, { $fuzzy } seqment qeyri-dəqiq uyğunluqla dolduruldu
pretranslate-codes = Başqa ad fəzasından daxili elementləri olan { $count } seqment tərcüməçiyə saxlanıldı
pretranslate-codes-appended = { $count } seqmentin daxili kodları mətndən sonra, mənbədəki sırayla qoyuldu (yaddaşın kodları onlara uyğun gəlmədi): onları yerinə köçürün
cmd-pretranslate = Sənədin tərcümələrini yaddaşdan doldur: XLIFF XLIFF olaraq, PO PO olaraq qalır, mətn XLIFF 2.0 olur
cmd-pretranslate-file = Sənəd: XLIFF 1.2 və ya 2.0, PO, sadə mətn və ya Markdown
cmd-pretranslate-from = Mənbə mətnin dili
cmd-pretranslate-to = Tərcümələrin dili
cmd-pretranslate-min = İşlədilən ən aşağı bal, faizlə
cmd-pretranslate-output = Yazılacaq fayl (XLIFF, sadə mətn və Markdown üçün XLIFF; PO üçün PO) və ya standart çıxış üçün -
