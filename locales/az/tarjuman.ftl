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
reason-utf16-without-bom = fayl UTF-16-ya bənzəyir, amma bayt sırası nişanı (BOM) yoxdur
reason-unknown-encoding = dəstəklənməyən simvol kodlaşdırması: “{ $encoding }”
reason-binary = bu, tərcümə yaddaşı faylı deyil (ikili məlumat var)
reason-unknown-format = faylın formatını müəyyən etmək mümkün olmadı; onu --format ilə göstərin
reason-xml = səhv XML: { $detail }
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
