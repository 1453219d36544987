"""News prose for the site zoo (``clusterwatch.zoo.sites``) in pl, ru, be, uk and en.

Our own word lists and sentence templates per language: organisations, events, places, topics
and people with the grammatical forms the templates need, and templates whose verbs agree with
the gender of the noun they refer to (``<o:m|f|n|pl>``: the organisation, ``e`` the event, ``2``
the second organisation, ``s`` the speaker, ``w`` the site's owner). The lists are aligned
across languages (entry *i* is the same organisation, event or place everywhere), so that one
story can be told in several languages. A :class:`Writer` never lets an article repeat more than
two sentences that an earlier article of its site already used.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

GENDERS = "mfnp"

PL: dict = {
    "orgs": [
        ("Klaster Obróbki Metali", "Klastra Obróbki Metali", "m"),
        ("Wschodni Klaster Budowlany", "Wschodniego Klastra Budowlanego", "m"),
        (
            "Podlaska Fundacja Rozwoju Regionalnego",
            "Podlaskiej Fundacji Rozwoju Regionalnego",
            "f",
        ),
        ("Stowarzyszenie Gmin Pogranicza", "Stowarzyszenia Gmin Pogranicza", "n"),
        ("Izba Gospodarcza „Wschód”", "Izby Gospodarczej „Wschód”", "f"),
        ("Lokalna Grupa Działania „Puszcza”", "Lokalnej Grupy Działania „Puszcza”", "f"),
        ("Centrum Wspierania Przedsiębiorczości", "Centrum Wspierania Przedsiębiorczości", "n"),
        ("Klaster Energii „Zielona Dolina”", "Klastra Energii „Zielona Dolina”", "m"),
        ("Agencja Rozwoju Regionalnego", "Agencji Rozwoju Regionalnego", "f"),
        ("Związek Pracodawców Pogranicza", "Związku Pracodawców Pogranicza", "m"),
        ("Inkubator Technologiczny", "Inkubatora Technologicznego", "m"),
        (
            "Fundacja Współpracy Polsko-Białoruskiej",
            "Fundacji Współpracy Polsko-Białoruskiej",
            "f",
        ),
    ],
    "events": [
        (
            "konferencja o współpracy transgranicznej",
            "konferencję o współpracy transgranicznej",
            "f",
        ),
        ("seminarium dla eksporterów", "seminarium dla eksporterów", "n"),
        ("misja gospodarcza do Grodna", "misję gospodarczą do Grodna", "f"),
        ("cykl szkoleń z zarządzania klastrem", "cykl szkoleń z zarządzania klastrem", "m"),
        ("spotkanie z inwestorami z Litwy", "spotkanie z inwestorami z Litwy", "n"),
        ("forum samorządów pogranicza", "forum samorządów pogranicza", "n"),
        (
            "warsztaty z efektywności energetycznej",
            "warsztaty z efektywności energetycznej",
            "p",
        ),
        (
            "wizyta studyjna przedsiębiorców z Brześcia",
            "wizytę studyjną przedsiębiorców z Brześcia",
            "f",
        ),
        (
            "konkurs na innowacyjny produkt regionalny",
            "konkurs na innowacyjny produkt regionalny",
            "m",
        ),
        ("targi budownictwa i energetyki", "targi budownictwa i energetyki", "p"),
        ("dzień otwarty inkubatora", "dzień otwarty inkubatora", "m"),
        ("debata o przyszłości rolnictwa", "debatę o przyszłości rolnictwa", "f"),
        ("kongres organizacji pozarządowych", "kongres organizacji pozarządowych", "m"),
        (
            "szkolenie z pozyskiwania funduszy europejskich",
            "szkolenie z pozyskiwania funduszy europejskich",
            "n",
        ),
    ],
    "places": [
        ("Białystok", "w Białymstoku", "Białegostoku"),
        ("Grodno", "w Grodnie", "Grodna"),
        ("Brześć", "w Brześciu", "Brześcia"),
        ("Suwałki", "w Suwałkach", "Suwałk"),
        ("Łomża", "w Łomży", "Łomży"),
        ("Lublin", "w Lublinie", "Lublina"),
        ("Wilno", "w Wilnie", "Wilna"),
        ("Lwów", "we Lwowie", "Lwowa"),
        ("Augustów", "w Augustowie", "Augustowa"),
        ("Hajnówka", "w Hajnówce", "Hajnówki"),
        ("Mińsk", "w Mińsku", "Mińska"),
        ("Rzeszów", "w Rzeszowie", "Rzeszowa"),
    ],
    "topics": [
        "o eksporcie na rynki wschodnie",
        "o cyfryzacji produkcji",
        "o efektywności energetycznej budynków",
        "o przepustowości przejść granicznych",
        "o przedsiębiorczości młodzieży",
        "o finansowaniu inwestycji z funduszy unijnych",
        "o rozwoju turystyki wiejskiej",
        "o kształceniu zawodowym",
        "o przyszłości przemysłu drzewnego",
        "o gospodarce wodnej w gminach",
        "o zamówieniach publicznych dla małych firm",
        "o spółdzielniach energetycznych",
    ],
    "persons": [
        ("Anna Kowalska", "koordynatorka projektu", "f"),
        ("Piotr Nowicki", "prezes zarządu klastra", "m"),
        ("Marta Wiśniewska", "dyrektor biura", "f"),
        ("Tomasz Zieliński", "ekspert ds. eksportu", "m"),
        ("Katarzyna Lewandowska", "wójt gminy", "f"),
        ("Andrzej Sadowski", "przewodniczący rady programowej", "m"),
        ("Ewa Borkowska", "specjalistka ds. funduszy europejskich", "f"),
        ("Jan Michalski", "burmistrz", "m"),
        ("Agnieszka Wróbel", "menedżerka klastra", "f"),
        ("Paweł Głowacki", "doradca przedsiębiorców", "m"),
    ],
    "sectors": [
        "z branży metalowej",
        "z branży budowlanej",
        "z sektora energetycznego",
        "z branży spożywczej",
        "z sektora IT",
        "z branży drzewnej",
        "z branży transportowej",
        "z branży turystycznej",
    ],
    "countries_gen": ["Białorusi", "Litwy", "Ukrainy", "Łotwy", "Niemiec"],
    "months": [
        "styczeń",
        "luty",
        "marzec",
        "kwiecień",
        "maj",
        "czerwiec",
        "lipiec",
        "sierpień",
        "wrzesień",
        "październik",
        "listopad",
        "grudzień",
    ],
    "months_gen": [
        "stycznia",
        "lutego",
        "marca",
        "kwietnia",
        "maja",
        "czerwca",
        "lipca",
        "sierpnia",
        "września",
        "października",
        "listopada",
        "grudnia",
    ],
    "months_loc": [
        "styczniu",
        "lutym",
        "marcu",
        "kwietniu",
        "maju",
        "czerwcu",
        "lipcu",
        "sierpniu",
        "wrześniu",
        "październiku",
        "listopadzie",
        "grudniu",
    ],
    "amount": "{n} tys. zł",
    "phone": "+48 85 {a} {b} {c}",
    "headlines": [
        "{org} <o:zorganizował|zorganizowała|zorganizowało|zorganizowali> {event_acc} {place_loc}",
        "{event_cap} {place_loc}",
        "{place_loc_cap} rozmawiano {topic}",
        "Zapraszamy na {event_acc}",
        "{org} i {org2} podpisały porozumienie o współpracy",
        "{event_cap} {place_loc} – podsumowanie",
        "Ruszył nabór na {event_acc}",
        "{place}: rozmowy {topic}",
    ],
    "leads": [
        "{sday} {smonth_gen} {org} <o:zorganizował|zorganizowała|zorganizowało|zorganizowali> "
        "{event_acc} {place_loc}.",
        "{place_loc_cap} <e:odbył się|odbyła się|odbyło się|odbyły się> {event}. "
        "Organizatorem <o:był|była|było|byli> {org}.",
        "{org} <o:zaprasza|zaprasza|zaprasza|zapraszają> na {event_acc}, <e:który odbędzie się|"
        "która odbędzie się|które odbędzie się|które odbędą się> {place_loc}.",
    ],
    "body": [
        "W wydarzeniu wzięło udział ponad {nm:osób}, w tym przedstawiciele {nm:firm} {sector}.",
        "Uczestnicy rozmawiali {topic}, a także o barierach, które wciąż utrudniają współpracę.",
        "Część merytoryczną programu <2:przygotował|przygotowała|przygotowało|przygotowali> "
        "{org2}.",
        "Eksperci przedstawili dane, z których wynika, że liczba firm {sector} w regionie "
        "wzrosła w ostatnich latach o {pct} proc.",
        "Rozmawiano też o tym, jak łączyć środki samorządów z funduszami europejskimi.",
        "Partnerzy z {country_gen} zapowiedzieli rewizytę jeszcze w tym roku.",
        "{org} i {org2} podpisały porozumienie o współpracy.",
        "Program przewiduje {nm:godzin} zajęć oraz indywidualne konsultacje dla uczestników.",
        "Całkowity budżet przedsięwzięcia wynosi {amount}, a większość środków pochodzi z "
        "programu Interreg.",
        "Organizatorzy podkreślają, że udział jest bezpłatny, ale liczba miejsc jest ograniczona.",
        "Kolejne spotkanie zaplanowano {place2_loc} na {month}.",
        "{person_name}, {person_role}, <s:zwrócił|zwróciła> uwagę, że bez współpracy samorządu "
        "z biznesem trudno liczyć na nowe inwestycje.",
        "Zgłoszenia przyjmowane są do {day} {month_gen} za pośrednictwem formularza na stronie "
        "organizatora.",
        "Szczegółowy program zostanie opublikowany w najbliższych dniach.",
        "W przerwach uczestnicy mogli odwiedzić stoiska {nm:wystawców} {sector}.",
        "Wśród gości byli także przedstawiciele władz {place2_gen} i okolicznych gmin.",
        "Drugiego dnia uczestnicy odwiedzili zakłady produkcyjne w okolicach {place_gen}.",
        "W ramach projektu powstanie baza firm gotowych do współpracy z partnerami z "
        "{country_gen}.",
        "Najwięcej emocji wzbudziła dyskusja {topic2}.",
        "Z ankiety przeprowadzonej wśród członków wynika, że {pct} proc. firm planuje w tym "
        "roku nowe inwestycje.",
        "Podobne spotkania odbyły się wcześniej {place2_loc} i {place3_loc}.",
        "Organizatorzy dziękują wszystkim partnerom i wolontariuszom za pomoc w przygotowaniu "
        "wydarzenia.",
        "Materiały z wystąpień prelegentów są dostępne w biurze {org_gen}.",
        "Kolejny etap projektu obejmie także gminy z {country_gen}.",
        "Patronat honorowy nad wydarzeniem <2:objął|objęła|objęło|objęli> {org2}.",
        "Po południu odbyły się rozmowy w formule B2B, podczas których umówiono "
        "{nm:spotkań} biznesowych.",
        "Zainteresowanie przerosło oczekiwania organizatorów, dlatego rozważany jest drugi nabór.",
        "Na spotkaniu pojawili się przedstawiciele {nm:gmin} oraz {nm:firm} {sector}.",
        "{person_name}, {person_role}, <s:przypomniał|przypomniała>, że w ubiegłym roku z "
        "programu skorzystało {nm:przedsiębiorstw} {sector}.",
        "W panelu poświęconym rozmowom {topic2} wystąpili eksperci z {country_gen} i z Polski.",
        "Według danych {org2_gen} eksport firm {sector} wzrósł w ubiegłym roku o {pct} proc.",
        "Wnioski można składać w biurze {org_gen} do {day} {month_gen}.",
        "Kolejną edycję zaplanowano na {month}, a jej gospodarzem <2:będzie|będzie|będzie|będą> "
        "{org2}.",
        "W ciągu dwóch dni odbyło się {nm:spotkań} i {nm:prezentacji} firm {sector}.",
        "Z doświadczeń partnerów z {country_gen} wynika, że najwięcej barier dotyczy "
        "certyfikacji i logistyki.",
        "Przedstawiciele {org2_gen} zaprezentowali wyniki badania {topic2}.",
        "{person_name} <s:zaznaczył|zaznaczyła>, że {pct} proc. uczestników poprzednich edycji "
        "współpracuje dziś z partnerami z {place2_gen}.",
        "Wkład własny {org_gen} w przedsięwzięcie wynosi {amount}.",
        "Do {day} {month_gen} zgłosiło się już {nm:firm} {sector}.",
        "Uczestnicy odwiedzili również {nm:gospodarstw} agroturystycznych w okolicach "
        "{place2_gen}.",
        "<s:Drugą część spotkania poprowadził|Drugą część spotkania poprowadziła> {person_name}, "
        "{person_role}.",
    ],
    "quotes": [
        "Chcemy, żeby firmy z obu stron granicy znały się nie tylko z katalogów",
        "To dopiero początek, w przyszłym roku zaprosimy kolejnych partnerów",
        "Najtrudniejsze jest pierwsze spotkanie, potem współpraca toczy się już sama",
        "Małe firmy potrzebują przede wszystkim informacji i kontaktów",
        "Liczymy, że z tych rozmów wyrosną konkretne kontrakty",
        "Bez wsparcia samorządu ten projekt nie miałby szans",
        "Widzimy rosnące zainteresowanie eksportem wśród naszych członków",
        "Szkolenia pokazały, jak wiele możemy się od siebie nauczyć",
    ],
    "quote_forms": [
        "„{quote}” – <s:powiedział|powiedziała> {person_name}, {person_role}.",
        "– {quote} – <s:podkreśla|podkreśla> {person_name}.",
    ],
    "lists": [
        (
            ["Program obejmuje m.in.:", "Projekt przewiduje:"],
            [
                "doradztwo w zakresie eksportu",
                "szkolenia dla kadry zarządzającej",
                "udział w targach branżowych",
                "analizę potrzeb inwestycyjnych gmin",
                "konsultacje z ekspertami od funduszy europejskich",
                "wizyty studyjne w firmach partnerskich",
                "przygotowanie ofert w językach obcych",
                "warsztaty z marketingu internetowego",
            ],
        ),
        (
            ["Wsparcie mogą otrzymać:", "O dofinansowanie mogą ubiegać się:"],
            [
                "mikroprzedsiębiorstwa działające krócej niż trzy lata",
                "organizacje pozarządowe z terenu województwa",
                "jednostki samorządu terytorialnego",
                "spółdzielnie i grupy producenckie",
                "rzemieślnicy i rodzinne gospodarstwa rolne",
                "młodzi przedsiębiorcy do 35. roku życia",
            ],
        ),
    ],
    "closings": [
        "Więcej informacji można uzyskać w biurze {org_gen} pod numerem telefonu {phone}.",
        "Relacja fotograficzna z wydarzenia znajduje się w naszej galerii.",
        "Zapraszamy do śledzenia naszej strony, na której będziemy publikować kolejne informacje.",
        "Informacje o naborze zostaną opublikowane również w mediach społecznościowych.",
        "Osoby zainteresowane udziałem prosimy o kontakt mailowy: {email}.",
    ],
    "subheads": [
        "Program spotkania",
        "Kolejne kroki",
        "Jak się zgłosić",
        "Wnioski z dyskusji",
        "Partnerzy",
    ],
    "about": [
        "{owner} <w:powstał|powstała|powstało|powstali> w {year} roku z inicjatywy "
        "kilkudziesięciu firm i samorządów.",
        "Naszym celem jest wspieranie współpracy gospodarczej po obu stronach granicy.",
        "Zrzeszamy obecnie {nm:członków}, w tym przedsiębiorstwa, uczelnie i organizacje "
        "pozarządowe.",
        "Prowadzimy szkolenia, doradztwo i misje gospodarcze, a także pomagamy w nawiązywaniu "
        "kontaktów z partnerami z zagranicy.",
        "Od początku działalności zrealizowaliśmy ponad {nm:projektów} finansowanych ze środków "
        "krajowych i europejskich.",
        "Współpracujemy z samorządami {place_gen}, {place2_gen} i wielu mniejszych miejscowości.",
        "Działamy na zasadach non-profit, a cały dochód przeznaczamy na działalność statutową.",
        "Najwyższą władzą organizacji jest walne zebranie członków, które wybiera zarząd na "
        "czteroletnią kadencję.",
        "Biuro mieści się {place_loc}, ale nasi doradcy regularnie dyżurują także w innych "
        "miastach regionu.",
        "Szczególną wagę przywiązujemy do kształcenia młodych przedsiębiorców i wymiany "
        "doświadczeń.",
        "Należymy do krajowej sieci organizacji wspierających przedsiębiorczość.",
        "Zapraszamy do współpracy firmy, instytucje naukowe i samorządy, którym bliskie są "
        "nasze cele.",
        "Dane rejestrowe oraz statut organizacji udostępniamy na życzenie.",
        "W naszych szkoleniach wzięło udział już ponad {nm:osób}.",
        "Członkostwo jest otwarte dla każdej firmy prowadzącej działalność w regionie.",
        "Regularnie publikujemy raporty {topic}.",
    ],
}

RU: dict = {
    "orgs": [
        ("Кластер металлообработки", "Кластера металлообработки", "m"),
        ("Восточный строительный кластер", "Восточного строительного кластера", "m"),
        (
            "Подляшский фонд регионального развития",
            "Подляшского фонда регионального развития",
            "m",
        ),
        (
            "Ассоциация приграничных муниципалитетов",
            "Ассоциации приграничных муниципалитетов",
            "f",
        ),
        ("Торгово-промышленная палата «Восток»", "Торгово-промышленной палаты «Восток»", "f"),
        ("Местная инициативная группа «Пуща»", "Местной инициативной группы «Пуща»", "f"),
        ("Центр поддержки предпринимательства", "Центра поддержки предпринимательства", "m"),
        (
            "Энергетический кластер «Зелёная долина»",
            "Энергетического кластера «Зелёная долина»",
            "m",
        ),
        ("Агентство регионального развития", "Агентства регионального развития", "n"),
        ("Союз работодателей приграничья", "Союза работодателей приграничья", "m"),
        ("Технологический инкубатор", "Технологического инкубатора", "m"),
        (
            "Фонд польско-белорусского сотрудничества",
            "Фонда польско-белорусского сотрудничества",
            "m",
        ),
    ],
    "events": [
        (
            "конференция по приграничному сотрудничеству",
            "конференцию по приграничному сотрудничеству",
            "f",
        ),
        ("семинар для экспортёров", "семинар для экспортёров", "m"),
        ("деловая миссия в Гродно", "деловую миссию в Гродно", "f"),
        ("цикл тренингов по управлению кластером", "цикл тренингов по управлению кластером", "m"),
        ("встреча с инвесторами из Литвы", "встречу с инвесторами из Литвы", "f"),
        ("форум приграничных муниципалитетов", "форум приграничных муниципалитетов", "m"),
        ("практикум по энергоэффективности", "практикум по энергоэффективности", "m"),
        (
            "ознакомительный визит предпринимателей из Бреста",
            "ознакомительный визит предпринимателей из Бреста",
            "m",
        ),
        (
            "конкурс инновационных региональных продуктов",
            "конкурс инновационных региональных продуктов",
            "m",
        ),
        ("выставка строительства и энергетики", "выставку строительства и энергетики", "f"),
        ("день открытых дверей инкубатора", "день открытых дверей инкубатора", "m"),
        (
            "дискуссия о будущем сельского хозяйства",
            "дискуссию о будущем сельского хозяйства",
            "f",
        ),
        ("конгресс некоммерческих организаций", "конгресс некоммерческих организаций", "m"),
        (
            "обучающий семинар по привлечению европейских фондов",
            "обучающий семинар по привлечению европейских фондов",
            "m",
        ),
    ],
    "places": [
        ("Белосток", "в Белостоке", "Белостока"),
        ("Гродно", "в Гродно", "Гродно"),
        ("Брест", "в Бресте", "Бреста"),
        ("Сувалки", "в Сувалках", "Сувалок"),
        ("Ломжа", "в Ломже", "Ломжи"),
        ("Люблин", "в Люблине", "Люблина"),
        ("Вильнюс", "в Вильнюсе", "Вильнюса"),
        ("Львов", "во Львове", "Львова"),
        ("Августов", "в Августове", "Августова"),
        ("Гайновка", "в Гайновке", "Гайновки"),
        ("Минск", "в Минске", "Минска"),
        ("Жешув", "в Жешуве", "Жешува"),
    ],
    "topics": [
        "об экспорте на восточные рынки",
        "о цифровизации производства",
        "об энергоэффективности зданий",
        "о пропускной способности пунктов пропуска",
        "о молодёжном предпринимательстве",
        "о финансировании инвестиций из фондов ЕС",
        "о развитии сельского туризма",
        "о профессиональном обучении",
        "о будущем деревообрабатывающей отрасли",
        "о водном хозяйстве в муниципалитетах",
        "о госзакупках для малого бизнеса",
        "об энергетических кооперативах",
    ],
    "persons": [
        ("Анна Ковальская", "координатор проекта", "f"),
        ("Пётр Новицкий", "председатель правления кластера", "m"),
        ("Марта Вишневская", "директор офиса", "f"),
        ("Томаш Зелинский", "эксперт по экспорту", "m"),
        ("Катажина Левандовская", "глава гмины", "f"),
        ("Андрей Садовский", "председатель программного совета", "m"),
        ("Ева Борковская", "специалист по европейским фондам", "f"),
        ("Ян Михальский", "бургомистр", "m"),
        ("Агнешка Врубель", "менеджер кластера", "f"),
        ("Павел Гловацкий", "консультант предпринимателей", "m"),
    ],
    "sectors": [
        "из металлообрабатывающей отрасли",
        "из строительной отрасли",
        "из энергетического сектора",
        "из пищевой промышленности",
        "из IT-сектора",
        "из деревообрабатывающей отрасли",
        "из транспортной отрасли",
        "из туристической отрасли",
    ],
    "countries_gen": ["Беларуси", "Литвы", "Украины", "Латвии", "Германии"],
    "months": [
        "январь",
        "февраль",
        "март",
        "апрель",
        "май",
        "июнь",
        "июль",
        "август",
        "сентябрь",
        "октябрь",
        "ноябрь",
        "декабрь",
    ],
    "months_gen": [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ],
    "months_loc": [
        "январе",
        "феврале",
        "марте",
        "апреле",
        "мае",
        "июне",
        "июле",
        "августе",
        "сентябре",
        "октябре",
        "ноябре",
        "декабре",
    ],
    "amount": "{n} тыс. евро",
    "phone": "+375 152 {a}-{b}-{c}",
    "headlines": [
        "{org} <o:провёл|провела|провело|провели> {event_acc} {place_loc}",
        "{event_cap} {place_loc}",
        "{place_loc_cap} говорили {topic}",
        "Приглашаем на {event_acc}",
        "{org} и {org2} подписали соглашение о сотрудничестве",
        "{event_cap} {place_loc}: итоги",
        "Стартовал набор на {event_acc}",
        "{place}: разговор {topic}",
    ],
    "leads": [
        "{sday} {smonth_gen} {org} <o:провёл|провела|провело|провели> {event_acc} {place_loc}.",
        "{place_loc_cap} <e:прошёл|прошла|прошло|прошли> {event}. "
        "Организатором <o:выступил|выступила|выступило|выступили> {org}.",
        "{org} <o:приглашает|приглашает|приглашает|приглашают> на {event_acc}, <e:который "
        "пройдёт|которая пройдёт|которое пройдёт|которые пройдут> {place_loc}.",
    ],
    "body": [
        "В мероприятии приняли участие более {nm:человек}, в том числе представители "
        "{nm:компаний} {sector}.",
        "Участники говорили {topic}, а также о барьерах, которые всё ещё мешают сотрудничеству.",
        "Содержательную часть программы <2:подготовил|подготовила|подготовило|подготовили> {org2}.",
        "Эксперты представили данные, согласно которым число компаний {sector} в регионе за "
        "последние годы выросло на {pct} %.",
        "Обсуждалось также, как совмещать средства местных бюджетов с европейскими фондами.",
        "Партнёры из {country_gen} пообещали ответный визит уже в этом году.",
        "{org} и {org2} подписали соглашение о сотрудничестве.",
        "Программа предусматривает {nm:часов} занятий и индивидуальные консультации для "
        "участников.",
        "Общий бюджет проекта составляет {amount}, большая часть средств поступает из программы "
        "Interreg.",
        "Организаторы подчёркивают, что участие бесплатное, а количество мест ограничено.",
        "Следующую встречу планируется провести {place2_loc} в {month_loc}.",
        "{person_name}, {person_role}, <s:обратил|обратила> внимание, что без сотрудничества "
        "власти и бизнеса трудно рассчитывать на новые инвестиции.",
        "Заявки принимаются до {day} {month_gen} через форму на сайте организатора.",
        "Подробная программа будет опубликована в ближайшие дни.",
        "В перерывах участники могли посетить стенды {nm:экспонентов} {sector}.",
        "Среди гостей были и представители властей {place2_gen} и соседних районов.",
        "На второй день участники посетили производственные предприятия в окрестностях "
        "{place_gen}.",
        "В рамках проекта будет создана база данных компаний, готовых к сотрудничеству с "
        "партнёрами из {country_gen}.",
        "Больше всего эмоций вызвала дискуссия {topic2}.",
        "По данным опроса членов организации, {pct} % компаний планируют в этом году новые "
        "инвестиции.",
        "Подобные встречи ранее прошли {place2_loc} и {place3_loc}.",
        "Организаторы благодарят всех партнёров и волонтёров за помощь в подготовке мероприятия.",
        "Материалы выступлений доступны в офисе {org_gen}.",
        "Следующий этап проекта охватит также муниципалитеты из {country_gen}.",
        "Почётный патронат над мероприятием <2:взял|взяла|взяло|взяли> {org2}.",
        "Во второй половине дня прошли переговоры в формате B2B, в ходе которых было "
        "запланировано {nm:деловых встреч}.",
        "Интерес превзошёл ожидания организаторов, поэтому рассматривается второй набор.",
    ],
    "quotes": [
        "Мы хотим, чтобы компании по обе стороны границы знали друг друга не только по каталогам",
        "Это только начало, в следующем году мы пригласим новых партнёров",
        "Самое трудное — первая встреча, потом сотрудничество развивается само",
        "Малому бизнесу прежде всего нужны информация и контакты",
        "Рассчитываем, что из этих разговоров вырастут конкретные контракты",
        "Без поддержки местной власти у этого проекта не было бы шансов",
        "Мы видим растущий интерес к экспорту среди наших членов",
        "Тренинги показали, как многому мы можем научиться друг у друга",
    ],
    "quote_forms": [
        "«{quote}», — <s:сказал|сказала> {person_name}, {person_role}.",
        "— {quote}, — <s:подчеркнул|подчеркнула> {person_name}.",
    ],
    "lists": [
        (
            ["Программа включает, в частности:", "Проект предусматривает:"],
            [
                "консультации по вопросам экспорта",
                "тренинги для руководителей",
                "участие в отраслевых выставках",
                "анализ инвестиционных потребностей муниципалитетов",
                "консультации экспертов по европейским фондам",
                "ознакомительные визиты в компании-партнёры",
                "подготовку коммерческих предложений на иностранных языках",
                "практикумы по интернет-маркетингу",
            ],
        ),
        (
            ["Поддержку могут получить:", "К участию приглашаются:"],
            [
                "микропредприятия, работающие менее трёх лет",
                "некоммерческие организации региона",
                "органы местного самоуправления",
                "кооперативы и группы производителей",
                "ремесленники и семейные фермы",
                "молодые предприниматели до 35 лет",
            ],
        ),
    ],
    "closings": [
        "Подробную информацию можно получить в офисе {org_gen} по телефону {phone}.",
        "Фоторепортаж с мероприятия размещён в нашей галерее.",
        "Следите за новостями на нашем сайте — мы будем публиковать новую информацию.",
        "Информация о наборе будет также опубликована в социальных сетях.",
        "Желающих принять участие просим писать на {email}.",
    ],
    "subheads": [
        "Программа встречи",
        "Следующие шаги",
        "Как подать заявку",
        "Выводы дискуссии",
        "Партнёры",
    ],
    "about": [
        "{owner} <w:создан|создана|создано|созданы> в {year} году по инициативе нескольких "
        "десятков компаний и муниципалитетов.",
        "Наша цель — поддержка экономического сотрудничества по обе стороны границы.",
        "Сегодня мы объединяем {nm:членов}, в том числе предприятия, вузы и некоммерческие "
        "организации.",
        "Мы проводим тренинги, консультации и деловые миссии, а также помогаем находить "
        "партнёров за рубежом.",
        "С начала работы мы реализовали более {nm:проектов}, финансируемых из национальных и "
        "европейских средств.",
        "Мы сотрудничаем с администрациями {place_gen}, {place2_gen} и многих небольших "
        "населённых пунктов.",
        "Организация работает на некоммерческой основе, а весь доход направляется на уставную "
        "деятельность.",
        "Высший орган организации — общее собрание членов, которое избирает правление на "
        "четыре года.",
        "Офис находится {place_loc}, но наши консультанты регулярно принимают и в других "
        "городах региона.",
        "Особое внимание мы уделяем обучению молодых предпринимателей и обмену опытом.",
        "Мы входим в национальную сеть организаций поддержки предпринимательства.",
        "Приглашаем к сотрудничеству компании, научные учреждения и органы власти, которым "
        "близки наши цели.",
        "Регистрационные данные и устав организации предоставляются по запросу.",
        "В наших тренингах уже приняли участие более {nm:человек}.",
        "Членство открыто для каждой компании, работающей в регионе.",
        "Мы регулярно публикуем доклады {topic}.",
    ],
}

BE: dict = {
    "orgs": [
        ("Кластар металаапрацоўкі", "Кластара металаапрацоўкі", "m"),
        ("Усходні будаўнічы кластар", "Усходняга будаўнічага кластара", "m"),
        (
            "Падляшскі фонд рэгіянальнага развіцця",
            "Падляшскага фонду рэгіянальнага развіцця",
            "m",
        ),
        ("Асацыяцыя памежных муніцыпалітэтаў", "Асацыяцыі памежных муніцыпалітэтаў", "f"),
        ("Гандлёва-прамысловая палата «Усход»", "Гандлёва-прамысловай палаты «Усход»", "f"),
        ("Мясцовая ініцыятыўная група «Пушча»", "Мясцовай ініцыятыўнай групы «Пушча»", "f"),
        ("Цэнтр падтрымкі прадпрымальніцтва", "Цэнтра падтрымкі прадпрымальніцтва", "m"),
        (
            "Энергетычны кластар «Зялёная даліна»",
            "Энергетычнага кластара «Зялёная даліна»",
            "m",
        ),
        ("Рэгіянальная агенцыя развіцця", "Рэгіянальнай агенцыі развіцця", "f"),
        ("Саюз наймальнікаў памежжа", "Саюза наймальнікаў памежжа", "m"),
        ("Тэхналагічны інкубатар", "Тэхналагічнага інкубатара", "m"),
        (
            "Фонд польска-беларускага супрацоўніцтва",
            "Фонду польска-беларускага супрацоўніцтва",
            "m",
        ),
    ],
    "events": [
        (
            "канферэнцыя па памежным супрацоўніцтве",
            "канферэнцыю па памежным супрацоўніцтве",
            "f",
        ),
        ("семінар для экспарцёраў", "семінар для экспарцёраў", "m"),
        ("дзелавая місія ў Гродна", "дзелавую місію ў Гродна", "f"),
        ("цыкл трэнінгаў па кіраванні кластарам", "цыкл трэнінгаў па кіраванні кластарам", "m"),
        ("сустрэча з інвестарамі з Літвы", "сустрэчу з інвестарамі з Літвы", "f"),
        ("форум памежных муніцыпалітэтаў", "форум памежных муніцыпалітэтаў", "m"),
        ("практыкум па энергаэфектыўнасці", "практыкум па энергаэфектыўнасці", "m"),
        (
            "азнаямленчы візіт прадпрымальнікаў з Брэста",
            "азнаямленчы візіт прадпрымальнікаў з Брэста",
            "m",
        ),
        (
            "конкурс інавацыйных рэгіянальных прадуктаў",
            "конкурс інавацыйных рэгіянальных прадуктаў",
            "m",
        ),
        ("выстава будаўніцтва і энергетыкі", "выставу будаўніцтва і энергетыкі", "f"),
        ("дзень адчыненых дзвярэй інкубатара", "дзень адчыненых дзвярэй інкубатара", "m"),
        (
            "дыскусія пра будучыню сельскай гаспадаркі",
            "дыскусію пра будучыню сельскай гаспадаркі",
            "f",
        ),
        ("кангрэс грамадскіх арганізацый", "кангрэс грамадскіх арганізацый", "m"),
        (
            "навучальны семінар па прыцягненні еўрапейскіх фондаў",
            "навучальны семінар па прыцягненні еўрапейскіх фондаў",
            "m",
        ),
    ],
    "places": [
        ("Беласток", "у Беластоку", "Беластока"),
        ("Гродна", "у Гродне", "Гродна"),
        ("Брэст", "у Брэсце", "Брэста"),
        ("Сувалкі", "у Сувалках", "Сувалак"),
        ("Ломжа", "у Ломжы", "Ломжы"),
        ("Люблін", "у Любліне", "Любліна"),
        ("Вільнюс", "у Вільнюсе", "Вільнюса"),
        ("Львоў", "у Львове", "Львова"),
        ("Аўгустаў", "у Аўгустове", "Аўгустова"),
        ("Гайнаўка", "у Гайнаўцы", "Гайнаўкі"),
        ("Мінск", "у Мінску", "Мінска"),
        ("Жэшаў", "у Жэшаве", "Жэшава"),
    ],
    "topics": [
        "пра экспарт на ўсходнія рынкі",
        "пра лічбавізацыю вытворчасці",
        "пра энергаэфектыўнасць будынкаў",
        "пра прапускную здольнасць пунктаў пропуску",
        "пра моладзевае прадпрымальніцтва",
        "пра фінансаванне інвестыцый з фондаў ЕС",
        "пра развіццё сельскага турызму",
        "пра прафесійнае навучанне",
        "пра будучыню дрэваапрацоўчай галіны",
        "пра водную гаспадарку ў муніцыпалітэтах",
        "пра дзяржаўныя закупкі для малога бізнесу",
        "пра энергетычныя кааператывы",
    ],
    "persons": [
        ("Ганна Кавальская", "каардынатарка праекта", "f"),
        ("Пётр Навіцкі", "старшыня праўлення кластара", "m"),
        ("Марта Вішнеўская", "дырэктарка офіса", "f"),
        ("Томаш Зялінскі", "эксперт па экспарце", "m"),
        ("Катажына Левандоўская", "войт гміны", "f"),
        ("Андрэй Садоўскі", "старшыня праграмнай рады", "m"),
        ("Ева Баркоўская", "спецыялістка па еўрапейскіх фондах", "f"),
        ("Ян Міхальскі", "бургамістр", "m"),
        ("Агнешка Врубель", "менеджарка кластара", "f"),
        ("Павел Главацкі", "кансультант прадпрымальнікаў", "m"),
    ],
    "sectors": [
        "з металаапрацоўчай галіны",
        "з будаўнічай галіны",
        "з энергетычнага сектара",
        "з харчовай прамысловасці",
        "з IT-сектара",
        "з дрэваапрацоўчай галіны",
        "з транспартнай галіны",
        "з турыстычнай галіны",
    ],
    "countries_gen": ["Беларусі", "Літвы", "Украіны", "Латвіі", "Германіі"],
    "months": [
        "студзень",
        "люты",
        "сакавік",
        "красавік",
        "май",
        "чэрвень",
        "ліпень",
        "жнівень",
        "верасень",
        "кастрычнік",
        "лістапад",
        "снежань",
    ],
    "months_gen": [
        "студзеня",
        "лютага",
        "сакавіка",
        "красавіка",
        "мая",
        "чэрвеня",
        "ліпеня",
        "жніўня",
        "верасня",
        "кастрычніка",
        "лістапада",
        "снежня",
    ],
    "months_loc": [
        "студзені",
        "лютым",
        "сакавіку",
        "красавіку",
        "маі",
        "чэрвені",
        "ліпені",
        "жніўні",
        "верасні",
        "кастрычніку",
        "лістападзе",
        "снежні",
    ],
    "amount": "{n} тыс. еўра",
    "phone": "+375 152 {a}-{b}-{c}",
    "headlines": [
        "{org} <o:правёў|правяла|правяло|правялі> {event_acc} {place_loc}",
        "{event_cap} {place_loc}",
        "{place_loc_cap} гаварылі {topic}",
        "Запрашаем на {event_acc}",
        "{org} і {org2} падпісалі пагадненне аб супрацоўніцтве",
        "{event_cap} {place_loc}: вынікі",
        "Пачаўся набор на {event_acc}",
        "{place}: размова {topic}",
    ],
    "leads": [
        "{sday} {smonth_gen} {org} <o:правёў|правяла|правяло|правялі> {event_acc} {place_loc}.",
        "{place_loc_cap} <e:прайшоў|прайшла|прайшло|прайшлі> {event}. "
        "Арганізатарам <o:выступіў|выступіла|выступіла|выступілі> {org}.",
        "{org} <o:запрашае|запрашае|запрашае|запрашаюць> на {event_acc}, <e:які пройдзе|"
        "якая пройдзе|якое пройдзе|якія пройдуць> {place_loc}.",
    ],
    "body": [
        "У мерапрыемстве ўзялі ўдзел больш за {nm:чалавек}, у тым ліку прадстаўнікі "
        "{nm:кампаній} {sector}.",
        "Удзельнікі гаварылі {topic}, а таксама пра бар'еры, якія дагэтуль перашкаджаюць "
        "супрацоўніцтву.",
        "Змястоўную частку праграмы <2:падрыхтаваў|падрыхтавала|падрыхтавала|падрыхтавалі> {org2}.",
        "Эксперты прадставілі даныя, паводле якіх колькасць кампаній {sector} у рэгіёне за "
        "апошнія гады вырасла на {pct} %.",
        "Абмяркоўвалася таксама, як спалучаць сродкі мясцовых бюджэтаў з еўрапейскімі фондамі.",
        "Партнёры з {country_gen} паабяцалі зваротны візіт ужо ў гэтым годзе.",
        "{org} і {org2} падпісалі пагадненне аб супрацоўніцтве.",
        "Праграма прадугледжвае {nm:гадзін} заняткаў і індывідуальныя кансультацыі для "
        "ўдзельнікаў.",
        "Агульны бюджэт праекта складае {amount}, большая частка сродкаў паступае з праграмы "
        "Interreg.",
        "Арганізатары падкрэсліваюць, што ўдзел бясплатны, а колькасць месцаў абмежаваная.",
        "Наступную сустрэчу плануецца правесці {place2_loc} у {month_loc}.",
        "{person_name}, {person_role}, <s:звярнуў|звярнула> увагу, што без супрацоўніцтва ўлад "
        "і бізнесу цяжка разлічваць на новыя інвестыцыі.",
        "Заяўкі прымаюцца да {day} {month_gen} праз форму на сайце арганізатара.",
        "Падрабязная праграма будзе апублікавана ў бліжэйшыя дні.",
        "У перапынках удзельнікі маглі наведаць стэнды {nm:экспанентаў} {sector}.",
        "Сярод гасцей былі і прадстаўнікі ўлад {place2_gen} і суседніх раёнаў.",
        "На другі дзень удзельнікі наведалі вытворчыя прадпрыемствы ў ваколіцах {place_gen}.",
        "У межах праекта будзе створана база даных кампаній, гатовых да супрацоўніцтва з "
        "партнёрамі з {country_gen}.",
        "Найбольш эмоцый выклікала дыскусія {topic2}.",
        "Паводле апытання членаў арганізацыі, {pct} % кампаній плануюць у гэтым годзе новыя "
        "інвестыцыі.",
        "Падобныя сустрэчы раней прайшлі {place2_loc} і {place3_loc}.",
        "Арганізатары дзякуюць усім партнёрам і валанцёрам за дапамогу ў падрыхтоўцы "
        "мерапрыемства.",
        "Матэрыялы выступленняў даступныя ў офісе {org_gen}.",
        "Наступны этап праекта ахопіць таксама муніцыпалітэты з {country_gen}.",
        "Ганаровы патранат над мерапрыемствам <2:узяў|узяла|узяло|узялі> {org2}.",
        "Пасля абеду прайшлі перамовы ў фармаце B2B, падчас якіх было запланавана "
        "{nm:дзелавых сустрэч}.",
        "Цікавасць перасягнула чаканні арганізатараў, таму разглядаецца другі набор.",
    ],
    "quotes": [
        "Мы хочам, каб кампаніі па абодва бакі мяжы ведалі адна адну не толькі па каталогах",
        "Гэта толькі пачатак, у наступным годзе мы запросім новых партнёраў",
        "Самае складанае — першая сустрэча, потым супрацоўніцтва развіваецца само",
        "Малому бізнесу перш за ўсё патрэбныя інфармацыя і кантакты",
        "Спадзяёмся, што з гэтых размоў вырастуць канкрэтныя кантракты",
        "Без падтрымкі мясцовай улады ў гэтага праекта не было б шанцаў",
        "Мы бачым рост цікавасці да экспарту сярод нашых членаў",
        "Трэнінгі паказалі, як шмат мы можам навучыцца адно ў аднаго",
    ],
    "quote_forms": [
        "«{quote}», — <s:сказаў|сказала> {person_name}, {person_role}.",
        "— {quote}, — <s:падкрэсліў|падкрэсліла> {person_name}.",
    ],
    "lists": [
        (
            ["Праграма ўключае, у прыватнасці:", "Праект прадугледжвае:"],
            [
                "кансультацыі па пытаннях экспарту",
                "трэнінгі для кіраўнікоў",
                "удзел у галіновых выставах",
                "аналіз інвестыцыйных патрэб муніцыпалітэтаў",
                "кансультацыі экспертаў па еўрапейскіх фондах",
                "азнаямленчыя візіты ў кампаніі-партнёры",
                "падрыхтоўку камерцыйных прапаноў на замежных мовах",
                "практыкумы па інтэрнэт-маркетынгу",
            ],
        ),
        (
            ["Падтрымку могуць атрымаць:", "Да ўдзелу запрашаюцца:"],
            [
                "мікрапрадпрыемствы, якія працуюць менш за тры гады",
                "грамадскія арганізацыі рэгіёна",
                "органы мясцовага самакіравання",
                "кааператывы і групы вытворцаў",
                "рамеснікі і сямейныя фермы",
                "маладыя прадпрымальнікі да 35 гадоў",
            ],
        ),
    ],
    "closings": [
        "Падрабязную інфармацыю можна атрымаць у офісе {org_gen} па тэлефоне {phone}.",
        "Фотарэпартаж з мерапрыемства размешчаны ў нашай галерэі.",
        "Сачыце за навінамі на нашым сайце — мы будзем публікаваць новую інфармацыю.",
        "Інфармацыя пра набор будзе таксама апублікавана ў сацыяльных сетках.",
        "Ахвочых узяць удзел просім пісаць на {email}.",
    ],
    "subheads": [
        "Праграма сустрэчы",
        "Наступныя крокі",
        "Як падаць заяўку",
        "Высновы дыскусіі",
        "Партнёры",
    ],
    "about": [
        "{owner} <w:створаны|створана|створана|створаны> ў {year} годзе па ініцыятыве "
        "некалькіх дзясяткаў кампаній і муніцыпалітэтаў.",
        "Наша мэта — падтрымка эканамічнага супрацоўніцтва па абодва бакі мяжы.",
        "Сёння мы аб'ядноўваем {nm:членаў}, у тым ліку прадпрыемствы, універсітэты і грамадскія "
        "арганізацыі.",
        "Мы праводзім трэнінгі, кансультацыі і дзелавыя місіі, а таксама дапамагаем знаходзіць "
        "партнёраў за мяжой.",
        "З пачатку працы мы рэалізавалі больш за {nm:праектаў}, якія фінансаваліся з "
        "нацыянальных і еўрапейскіх сродкаў.",
        "Мы супрацоўнічаем з адміністрацыямі {place_gen}, {place2_gen} і многіх невялікіх "
        "населеных пунктаў.",
        "Арганізацыя працуе на некамерцыйнай аснове, а ўвесь даход накіроўваецца на статутную "
        "дзейнасць.",
        "Вышэйшы орган арганізацыі — агульны сход членаў, які абірае праўленне на чатыры гады.",
        "Офіс знаходзіцца {place_loc}, але нашы кансультанты рэгулярна прымаюць і ў іншых "
        "гарадах рэгіёна.",
        "Асаблівую ўвагу мы надаём навучанню маладых прадпрымальнікаў і абмену вопытам.",
        "Мы ўваходзім у нацыянальную сетку арганізацый падтрымкі прадпрымальніцтва.",
        "Запрашаем да супрацоўніцтва кампаніі, навуковыя ўстановы і органы ўлады, якім блізкія "
        "нашы мэты.",
        "Рэгістрацыйныя даныя і статут арганізацыі прадастаўляюцца па запыце.",
        "У нашых трэнінгах ужо ўзялі ўдзел больш за {nm:чалавек}.",
        "Членства адкрытае для кожнай кампаніі, якая працуе ў рэгіёне.",
        "Мы рэгулярна публікуем даклады {topic}.",
    ],
}

UK: dict = {
    "orgs": [
        ("Кластер металообробки", "Кластера металообробки", "m"),
        ("Східний будівельний кластер", "Східного будівельного кластера", "m"),
        ("Підляський фонд регіонального розвитку", "Підляського фонду регіонального розвитку", "m"),
        ("Асоціація прикордонних громад", "Асоціації прикордонних громад", "f"),
        ("Торгово-промислова палата «Схід»", "Торгово-промислової палати «Схід»", "f"),
        ("Місцева ініціативна група «Пуща»", "Місцевої ініціативної групи «Пуща»", "f"),
        ("Центр підтримки підприємництва", "Центру підтримки підприємництва", "m"),
        ("Енергетичний кластер «Зелена долина»", "Енергетичного кластера «Зелена долина»", "m"),
        ("Агенція регіонального розвитку", "Агенції регіонального розвитку", "f"),
        ("Спілка роботодавців прикордоння", "Спілки роботодавців прикордоння", "f"),
        ("Технологічний інкубатор", "Технологічного інкубатора", "m"),
        ("Фонд польсько-білоруської співпраці", "Фонду польсько-білоруської співпраці", "m"),
    ],
    "events": [
        ("конференція з транскордонної співпраці", "конференцію з транскордонної співпраці", "f"),
        ("семінар для експортерів", "семінар для експортерів", "m"),
        ("ділова місія до Гродна", "ділову місію до Гродна", "f"),
        ("цикл тренінгів з управління кластером", "цикл тренінгів з управління кластером", "m"),
        ("зустріч з інвесторами з Литви", "зустріч з інвесторами з Литви", "f"),
        ("форум прикордонних громад", "форум прикордонних громад", "m"),
        ("практикум з енергоефективності", "практикум з енергоефективності", "m"),
        ("ознайомчий візит підприємців з Бреста", "ознайомчий візит підприємців з Бреста", "m"),
        (
            "конкурс інноваційних регіональних продуктів",
            "конкурс інноваційних регіональних продуктів",
            "m",
        ),
        ("виставка будівництва та енергетики", "виставку будівництва та енергетики", "f"),
        ("день відкритих дверей інкубатора", "день відкритих дверей інкубатора", "m"),
        (
            "дискусія про майбутнє сільського господарства",
            "дискусію про майбутнє сільського господарства",
            "f",
        ),
        ("конгрес громадських організацій", "конгрес громадських організацій", "m"),
        (
            "навчальний семінар із залучення європейських фондів",
            "навчальний семінар із залучення європейських фондів",
            "m",
        ),
    ],
    "places": [
        ("Білосток", "у Білостоці", "Білостока"),
        ("Гродно", "у Гродні", "Гродна"),
        ("Брест", "у Бресті", "Бреста"),
        ("Сувалки", "у Сувалках", "Сувалок"),
        ("Ломжа", "у Ломжі", "Ломжі"),
        ("Люблін", "у Любліні", "Любліна"),
        ("Вільнюс", "у Вільнюсі", "Вільнюса"),
        ("Львів", "у Львові", "Львова"),
        ("Августов", "в Августові", "Августова"),
        ("Гайнівка", "у Гайнівці", "Гайнівки"),
        ("Мінськ", "у Мінську", "Мінська"),
        ("Жешув", "у Жешуві", "Жешува"),
    ],
    "topics": [
        "про експорт на східні ринки",
        "про цифровізацію виробництва",
        "про енергоефективність будівель",
        "про пропускну спроможність пунктів пропуску",
        "про молодіжне підприємництво",
        "про фінансування інвестицій з фондів ЄС",
        "про розвиток сільського туризму",
        "про професійне навчання",
        "про майбутнє деревообробної галузі",
        "про водне господарство в громадах",
        "про публічні закупівлі для малого бізнесу",
        "про енергетичні кооперативи",
    ],
    "persons": [
        ("Анна Ковальська", "координаторка проєкту", "f"),
        ("Петро Новицький", "голова правління кластера", "m"),
        ("Марта Вишневська", "директорка офісу", "f"),
        ("Томаш Зелінський", "експерт з експорту", "m"),
        ("Катажина Левандовська", "війт гміни", "f"),
        ("Андрій Садовський", "голова програмної ради", "m"),
        ("Єва Борковська", "фахівчиня з європейських фондів", "f"),
        ("Ян Міхальський", "бургомістр", "m"),
        ("Агнешка Врубель", "менеджерка кластера", "f"),
        ("Павло Гловацький", "консультант підприємців", "m"),
    ],
    "sectors": [
        "з металообробної галузі",
        "з будівельної галузі",
        "з енергетичного сектору",
        "з харчової промисловості",
        "з IT-сектору",
        "з деревообробної галузі",
        "з транспортної галузі",
        "з туристичної галузі",
    ],
    "countries_gen": ["Білорусі", "Литви", "України", "Латвії", "Німеччини"],
    "months": [
        "січень",
        "лютий",
        "березень",
        "квітень",
        "травень",
        "червень",
        "липень",
        "серпень",
        "вересень",
        "жовтень",
        "листопад",
        "грудень",
    ],
    "months_gen": [
        "січня",
        "лютого",
        "березня",
        "квітня",
        "травня",
        "червня",
        "липня",
        "серпня",
        "вересня",
        "жовтня",
        "листопада",
        "грудня",
    ],
    "months_loc": [
        "січні",
        "лютому",
        "березні",
        "квітні",
        "травні",
        "червні",
        "липні",
        "серпні",
        "вересні",
        "жовтні",
        "листопаді",
        "грудні",
    ],
    "amount": "{n} тис. євро",
    "phone": "+380 332 {a}-{b}-{c}",
    "headlines": [
        "{org} <o:провів|провела|провело|провели> {event_acc} {place_loc}",
        "{event_cap} {place_loc}",
        "{place_loc_cap} говорили {topic}",
        "Запрошуємо на {event_acc}",
        "{org} та {org2} підписали угоду про співпрацю",
        "{event_cap} {place_loc}: підсумки",
        "Розпочався набір на {event_acc}",
        "{place}: розмова {topic}",
    ],
    "leads": [
        "{sday} {smonth_gen} {org} <o:провів|провела|провело|провели> {event_acc} {place_loc}.",
        "{place_loc_cap} <e:відбувся|відбулася|відбулося|відбулися> {event}. "
        "Організатором <o:виступив|виступила|виступило|виступили> {org}.",
        "{org} <o:запрошує|запрошує|запрошує|запрошують> на {event_acc}, <e:який відбудеться|"
        "яка відбудеться|яке відбудеться|які відбудуться> {place_loc}.",
    ],
    "body": [
        "У заході взяли участь понад {nm:осіб}, зокрема представники {nm:компаній} {sector}.",
        "Учасники говорили {topic}, а також про бар'єри, які досі заважають співпраці.",
        "Змістовну частину програми <2:підготував|підготувала|підготувало|підготували> {org2}.",
        "Експерти представили дані, згідно з якими кількість компаній {sector} у регіоні за "
        "останні роки зросла на {pct} %.",
        "Обговорювали також, як поєднувати кошти місцевих бюджетів з європейськими фондами.",
        "Партнери з {country_gen} пообіцяли візит у відповідь уже цього року.",
        "{org} та {org2} підписали угоду про співпрацю.",
        "Програма передбачає {nm:годин} занять та індивідуальні консультації для учасників.",
        "Загальний бюджет проєкту становить {amount}, більша частина коштів надходить із "
        "програми Interreg.",
        "Організатори наголошують, що участь безкоштовна, а кількість місць обмежена.",
        "Наступну зустріч планують провести {place2_loc} у {month_loc}.",
        "{person_name}, {person_role}, <s:звернув|звернула> увагу, що без співпраці влади та "
        "бізнесу важко розраховувати на нові інвестиції.",
        "Заявки приймають до {day} {month_gen} через форму на сайті організатора.",
        "Детальну програму буде оприлюднено найближчими днями.",
        "У перервах учасники могли відвідати стенди {nm:експонентів} {sector}.",
        "Серед гостей були й представники влади {place2_gen} та сусідніх громад.",
        "Другого дня учасники відвідали виробничі підприємства в околицях {place_gen}.",
        "У межах проєкту буде створено базу даних компаній, готових до співпраці з партнерами "
        "з {country_gen}.",
        "Найбільше емоцій викликала дискусія {topic2}.",
        "За даними опитування членів організації, {pct} % компаній планують цього року нові "
        "інвестиції.",
        "Подібні зустрічі раніше відбулися {place2_loc} та {place3_loc}.",
        "Організатори дякують усім партнерам і волонтерам за допомогу в підготовці заходу.",
        "Матеріали виступів доступні в офісі {org_gen}.",
        "Наступний етап проєкту охопить також громади з {country_gen}.",
        "Почесний патронат над заходом <2:взяв|взяла|взяло|взяли> {org2}.",
        "Після обіду відбулися переговори у форматі B2B, під час яких заплановано "
        "{nm:ділових зустрічей}.",
        "Інтерес перевершив очікування організаторів, тому розглядається другий набір.",
    ],
    "quotes": [
        "Ми хочемо, щоб компанії по обидва боки кордону знали одна одну не лише з каталогів",
        "Це лише початок, наступного року ми запросимо нових партнерів",
        "Найважче — перша зустріч, потім співпраця розвивається сама",
        "Малому бізнесу передусім потрібні інформація та контакти",
        "Сподіваємося, що з цих розмов виростуть конкретні контракти",
        "Без підтримки місцевої влади цей проєкт не мав би шансів",
        "Ми бачимо зростання інтересу до експорту серед наших членів",
        "Тренінги показали, як багато ми можемо навчитися одне в одного",
    ],
    "quote_forms": [
        "«{quote}», — <s:сказав|сказала> {person_name}, {person_role}.",
        "— {quote}, — <s:наголосив|наголосила> {person_name}.",
    ],
    "lists": [
        (
            ["Програма включає, зокрема:", "Проєкт передбачає:"],
            [
                "консультації з питань експорту",
                "тренінги для керівників",
                "участь у галузевих виставках",
                "аналіз інвестиційних потреб громад",
                "консультації експертів з європейських фондів",
                "ознайомчі візити до компаній-партнерів",
                "підготовку комерційних пропозицій іноземними мовами",
                "практикуми з інтернет-маркетингу",
            ],
        ),
        (
            ["Підтримку можуть отримати:", "До участі запрошуються:"],
            [
                "мікропідприємства, що працюють менше трьох років",
                "громадські організації регіону",
                "органи місцевого самоврядування",
                "кооперативи та групи виробників",
                "ремісники та сімейні ферми",
                "молоді підприємці до 35 років",
            ],
        ),
    ],
    "closings": [
        "Детальну інформацію можна отримати в офісі {org_gen} за телефоном {phone}.",
        "Фоторепортаж із заходу розміщено в нашій галереї.",
        "Стежте за новинами на нашому сайті — ми публікуватимемо нову інформацію.",
        "Інформацію про набір також буде оприлюднено в соціальних мережах.",
        "Охочих взяти участь просимо писати на {email}.",
    ],
    "subheads": [
        "Програма зустрічі",
        "Наступні кроки",
        "Як подати заявку",
        "Висновки дискусії",
        "Партнери",
    ],
    "about": [
        "{owner} <w:створений|створена|створене|створені> у {year} році з ініціативи кількох "
        "десятків компаній і громад.",
        "Наша мета — підтримка економічної співпраці по обидва боки кордону.",
        "Сьогодні ми об'єднуємо {nm:членів}, зокрема підприємства, університети та громадські "
        "організації.",
        "Ми проводимо тренінги, консультації та ділові місії, а також допомагаємо знаходити "
        "партнерів за кордоном.",
        "Від початку роботи ми реалізували понад {nm:проєктів}, що фінансувалися з "
        "національних і європейських коштів.",
        "Ми співпрацюємо з адміністраціями {place_gen}, {place2_gen} та багатьох невеликих "
        "населених пунктів.",
        "Організація працює на неприбутковій основі, а весь дохід спрямовується на статутну "
        "діяльність.",
        "Вищий орган організації — загальні збори членів, які обирають правління на чотири роки.",
        "Офіс розташований {place_loc}, але наші консультанти регулярно приймають і в інших "
        "містах регіону.",
        "Особливу увагу ми приділяємо навчанню молодих підприємців та обміну досвідом.",
        "Ми входимо до національної мережі організацій підтримки підприємництва.",
        "Запрошуємо до співпраці компанії, наукові установи та органи влади, яким близькі наші "
        "цілі.",
        "Реєстраційні дані та статут організації надаємо на запит.",
        "У наших тренінгах уже взяли участь понад {nm:осіб}.",
        "Членство відкрите для кожної компанії, що працює в регіоні.",
        "Ми регулярно публікуємо доповіді {topic}.",
    ],
}

EN: dict = {
    "orgs": [
        ("the Metalworking Cluster", "the Metalworking Cluster", "n"),
        ("the Eastern Construction Cluster", "the Eastern Construction Cluster", "n"),
        (
            "the Podlasie Regional Development Foundation",
            "the Podlasie Regional Development Foundation",
            "n",
        ),
        (
            "the Association of Border Municipalities",
            "the Association of Border Municipalities",
            "n",
        ),
        ("the “East” Chamber of Commerce", "the “East” Chamber of Commerce", "n"),
        ("the “Forest” Local Action Group", "the “Forest” Local Action Group", "n"),
        ("the Business Support Centre", "the Business Support Centre", "n"),
        ("the “Green Valley” Energy Cluster", "the “Green Valley” Energy Cluster", "n"),
        ("the Regional Development Agency", "the Regional Development Agency", "n"),
        ("the Border Employers' Union", "the Border Employers' Union", "n"),
        ("the Technology Incubator", "the Technology Incubator", "n"),
        (
            "the Polish-Belarusian Cooperation Foundation",
            "the Polish-Belarusian Cooperation Foundation",
            "n",
        ),
    ],
    "events": [
        (
            "a conference on cross-border cooperation",
            "a conference on cross-border cooperation",
            "n",
        ),
        ("a seminar for exporters", "a seminar for exporters", "n"),
        ("a business mission to Grodno", "a business mission to Grodno", "n"),
        (
            "a series of training sessions on cluster management",
            "a series of training sessions on cluster management",
            "n",
        ),
        ("a meeting with investors from Lithuania", "a meeting with investors from Lithuania", "n"),
        ("a forum of border municipalities", "a forum of border municipalities", "n"),
        ("a workshop on energy efficiency", "a workshop on energy efficiency", "n"),
        (
            "a study visit by entrepreneurs from Brest",
            "a study visit by entrepreneurs from Brest",
            "n",
        ),
        (
            "a competition for innovative regional products",
            "a competition for innovative regional products",
            "n",
        ),
        ("a construction and energy fair", "a construction and energy fair", "n"),
        ("an open day at the incubator", "an open day at the incubator", "n"),
        (
            "a debate on the future of agriculture",
            "a debate on the future of agriculture",
            "n",
        ),
        (
            "a congress of non-governmental organisations",
            "a congress of non-governmental organisations",
            "n",
        ),
        ("a training session on raising EU funds", "a training session on raising EU funds", "n"),
    ],
    "places": [
        ("Białystok", "in Białystok", "Białystok"),
        ("Grodno", "in Grodno", "Grodno"),
        ("Brest", "in Brest", "Brest"),
        ("Suwałki", "in Suwałki", "Suwałki"),
        ("Łomża", "in Łomża", "Łomża"),
        ("Lublin", "in Lublin", "Lublin"),
        ("Vilnius", "in Vilnius", "Vilnius"),
        ("Lviv", "in Lviv", "Lviv"),
        ("Augustów", "in Augustów", "Augustów"),
        ("Hajnówka", "in Hajnówka", "Hajnówka"),
        ("Minsk", "in Minsk", "Minsk"),
        ("Rzeszów", "in Rzeszów", "Rzeszów"),
    ],
    "topics": [
        "exports to eastern markets",
        "the digitalisation of production",
        "the energy efficiency of buildings",
        "capacity at border crossings",
        "youth entrepreneurship",
        "funding investments from EU funds",
        "developing rural tourism",
        "vocational training",
        "the future of the wood industry",
        "water management in municipalities",
        "public procurement for small firms",
        "energy cooperatives",
    ],
    "persons": [
        ("Anna Kowalska", "project coordinator", "f"),
        ("Piotr Nowicki", "chairman of the cluster's board", "m"),
        ("Marta Wiśniewska", "head of the office", "f"),
        ("Tomasz Zieliński", "export adviser", "m"),
        ("Katarzyna Lewandowska", "head of the municipality", "f"),
        ("Andrzej Sadowski", "chair of the programme council", "m"),
        ("Ewa Borkowska", "EU funds specialist", "f"),
        ("Jan Michalski", "mayor", "m"),
        ("Agnieszka Wróbel", "cluster manager", "f"),
        ("Paweł Głowacki", "business adviser", "m"),
    ],
    "sectors": [
        "in metalworking",
        "in construction",
        "in the energy sector",
        "in food processing",
        "in IT",
        "in the wood industry",
        "in transport",
        "in tourism",
    ],
    "countries_gen": ["Belarus", "Lithuania", "Ukraine", "Latvia", "Germany"],
    "months": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "amount": "EUR {n},000",
    "phone": "+48 85 {a} {b} {c}",
    "headlines": [
        "{org} hosts {event} {place_loc}",
        "{event_cap} {place_loc}",
        "{place}: talks on {topic}",
        "Invitation: {event} {place_loc}",
        "{org} and {org2} sign a cooperation agreement",
        "{event_cap} {place_loc}: the results",
        "Applications open for {event}",
        "Partners discuss {topic} {place_loc}",
    ],
    "leads": [
        "On {smonth} {sday}, {org} held {event} {place_loc}.",
        "{event_cap} took place {place_loc}. It was organised by {org}.",
        "{org} invites everyone interested to {event}, to be held {place_loc}.",
    ],
    "body": [
        "More than {nm:people} took part, including representatives of {nm:firms} {sector}.",
        "Participants discussed {topic} as well as the barriers that still hold cooperation back.",
        "The expert sessions of the programme were prepared by {org2}.",
        "Experts presented figures showing that the number of firms {sector} in the region has "
        "grown by {pct} per cent in recent years.",
        "The discussion also covered how to combine municipal budgets with European funds.",
        "Partners from {country_gen} promised a return visit later this year.",
        "{org} and {org2} signed a cooperation agreement.",
        "The programme includes {nm:hours} of classes and one-to-one advice for participants.",
        "The total budget of the project is {amount}, most of it from the Interreg programme.",
        "The organisers stress that taking part is free of charge, but places are limited.",
        "The next meeting is planned {place2_loc} in {month}.",
        "{person_name}, {person_role}, pointed out that new investment is hard to attract "
        "without cooperation between local government and business.",
        "Applications are accepted until {month_gen} {day} through the form on the organiser's "
        "website.",
        "A detailed programme will be published in the coming days.",
        "During the breaks, participants could visit the stands of {nm:exhibitors} {sector}.",
        "The guests also included representatives of the authorities of {place2} and "
        "neighbouring districts.",
        "On the second day, participants visited factories near {place}.",
        "The project will also create a database of companies ready to work with partners from "
        "{country_gen}.",
        "The debate on {topic2} stirred the strongest emotions.",
        "A survey of members shows that {pct} per cent of companies plan new investments this "
        "year.",
        "Similar meetings were held earlier {place2_loc} and {place3_loc}.",
        "The organisers thank all partners and volunteers for their help in preparing the event.",
        "The presentations of the speakers are available at the office of {org}.",
        "The next stage of the project will also cover municipalities from {country_gen}.",
        "{org2} took the event under its honorary patronage.",
        "In the afternoon, B2B talks were held, during which {nm:business meetings} were "
        "scheduled.",
        "Interest exceeded the expectations of the organisers, so a second round is being "
        "considered.",
    ],
    "quotes": [
        "We want firms on both sides of the border to know each other from more than catalogues",
        "This is only the beginning, next year we will invite more partners",
        "The first meeting is the hardest, after that cooperation takes care of itself",
        "Small firms need information and contacts more than anything else",
        "We hope that these talks will grow into real contracts",
        "Without the support of the municipality this project would not stand a chance",
        "We see growing interest in exporting among our members",
        "The training showed how much we can learn from each other",
    ],
    "quote_forms": [
        "“{quote},” said {person_name}, {person_role}.",
        "“{quote},” {person_name} stressed.",
    ],
    "lists": [
        (
            ["The programme includes:", "The project provides:"],
            [
                "advice on exporting",
                "training for managers",
                "participation in trade fairs",
                "an analysis of municipal investment needs",
                "consultations with EU funds experts",
                "study visits to partner companies",
                "help preparing offers in foreign languages",
                "workshops on online marketing",
            ],
        ),
        (
            ["Support is available to:", "Eligible applicants include:"],
            [
                "micro-enterprises operating for less than three years",
                "non-governmental organisations from the region",
                "local authorities",
                "cooperatives and producer groups",
                "craftspeople and family farms",
                "young entrepreneurs under 35",
            ],
        ),
    ],
    "closings": [
        "More information is available from the office of {org} on {phone}.",
        "A photo report from the event is available in our gallery.",
        "Follow our website for further updates.",
        "Information about the call will also be published on social media.",
        "If you would like to take part, please write to {email}.",
    ],
    "subheads": ["Programme", "Next steps", "How to apply", "Conclusions", "Partners"],
    "about": [
        "{owner} was founded in {year} on the initiative of several dozen companies and "
        "municipalities.",
        "Our aim is to support economic cooperation on both sides of the border.",
        "Today we bring together {nm:members}, including businesses, universities and "
        "non-governmental organisations.",
        "We run training courses, advisory services and trade missions, and help members find "
        "partners abroad.",
        "Since we started, we have carried out more than {nm:projects} funded from national and "
        "European sources.",
        "We work with the authorities of {place}, {place2} and many smaller towns.",
        "The organisation is non-profit, and all income goes to its statutory activities.",
        "Its highest body is the general meeting of members, which elects the board for four "
        "years.",
        "Our office is {place_loc}, but our advisers regularly hold office hours in other towns "
        "of the region.",
        "We pay particular attention to training young entrepreneurs and sharing experience.",
        "We are a member of the national network of business support organisations.",
        "We welcome cooperation with companies, research institutions and public authorities "
        "who share our goals.",
        "Registration details and the statutes of the organisation are available on request.",
        "More than {nm:people} have already taken part in our training courses.",
        "Membership is open to every company operating in the region.",
        "We regularly publish reports on {topic}.",
    ],
}
EN["months_gen"] = EN["months_loc"] = EN["months"]

PACKS = {"pl": PL, "ru": RU, "be": BE, "uk": UK, "en": EN}
INVITATIONS = (3, 6)  # the headlines announcing what is to come; leads[2] announces too

# -- short texts some families need ------------------------------------------------------------

COMMENTS_PL = {
    "names": ["Marek", "Jolanta K.", "Krzysztof z Łomży", "Beata", "Tadeusz Wasilewski", "Ola"],
    "texts": [
        "Świetna inicjatywa, czy planowana jest kolejna edycja?",
        "Byłem na spotkaniu – bardzo konkretne rozmowy, polecam.",
        "Gdzie można znaleźć prezentacje z wystąpień?",
        "Szkoda, że informacja pojawiła się tak późno, chętnie byśmy przyjechali.",
        "Dziękujemy za zaproszenie, do zobaczenia na następnym spotkaniu!",
        "Czy w przyszłości będzie można uczestniczyć online?",
        "Gratulacje dla organizatorów, sala była pełna.",
        "Czy firmy spoza województwa też mogą się zgłaszać?",
    ],
    "replies": [
        "Dziękujemy! Prezentacje wyślemy mailowo wszystkim uczestnikom.",
        "Tak, kolejna edycja planowana jest jesienią.",
        "Prosimy o kontakt z biurem, chętnie odpowiemy na wszystkie pytania.",
    ],
}

EVENTS = {
    "pl": {
        "titles": [
            "Koncert orkiestry dętej",
            "Festyn rodzinny na rynku",
            "Dyżur doradcy podatkowego",
            "Spotkanie Klubu Seniora",
            "Turniej piłki nożnej o puchar wójta",
            "Warsztaty ceramiczne dla dzieci",
            "Sesja Rady Gminy",
            "Jarmark rękodzieła",
            "Bieg po zdrowie",
            "Wystawa fotografii przyrodniczej",
            "Noc bibliotek",
            "Spotkanie o programie „Czyste Powietrze”",
            "Dzień otwarty w Gminnym Ośrodku Kultury",
            "Rajd rowerowy szlakiem nadrzecznym",
        ],
        "places": [
            "Gminny Ośrodek Kultury, ul. Szkolna 4",
            "Hala sportowa przy Szkole Podstawowej",
            "Rynek w Zalesiu",
            "Biblioteka Publiczna, ul. Lipowa 2",
            "Sala konferencyjna Urzędu Gminy",
            "Stadion gminny",
        ],
        "sentences": [
            "Zapraszamy mieszkańców gminy i gości.",
            "Wstęp wolny.",
            "Liczba miejsc jest ograniczona, obowiązują zapisy w sekretariacie.",
            "Organizatorem jest Gminny Ośrodek Kultury.",
            "W razie niepogody wydarzenie zostanie przeniesione do sali gimnastycznej.",
            "Dzieci do lat 10 prosimy o przybycie z opiekunem.",
            "Szczegóły pod numerem telefonu 85 711 20 30.",
            "Przewidziano poczęstunek dla uczestników.",
        ],
        "when": "Kiedy",
        "where": "Gdzie",
    },
    "en": {
        "titles": [
            "Members' breakfast",
            "Export clinic",
            "Board meeting",
            "Open day at the cluster office",
            "Workshop: writing grant applications",
            "Networking evening",
            "Webinar on customs rules",
            "Annual general meeting",
            "Study visit to Lublin",
            "Youth business camp",
            "Round table on energy prices",
            "Meet the buyers: retail chains",
        ],
        "places": [
            "Cluster office, Białystok",
            "Online",
            "Town hall, Suwałki",
            "Technology park, Łomża",
        ],
        "sentences": [
            "Members attend free of charge.",
            "Registration closes two days before the event.",
            "Coffee will be served from 9:30.",
            "The meeting will be held in English and Polish.",
            "Please bring your business cards.",
            "A link will be sent to registered participants.",
        ],
        "when": "When",
        "where": "Where",
    },
}

GALLERY = {
    "pl": [
        "Uczestnicy podczas sesji plenarnej",
        "Stoiska wystawców",
        "Rozmowy w kuluarach",
        "Wręczenie dyplomów",
        "Panel dyskusyjny z udziałem samorządowców",
        "Zwiedzanie zakładu produkcyjnego",
        "Wspólne zdjęcie uczestników",
        "Warsztaty w grupach",
        "Powitanie gości",
        "Podpisanie porozumienia",
    ],
    "en": [
        "Participants during the plenary session",
        "The stands of the exhibitors",
        "Talks in the corridors",
        "Presenting the certificates",
        "Panel discussion with local government leaders",
        "Touring the factory",
        "Group photo of the participants",
        "Workshops in small groups",
        "Welcoming the guests",
        "Signing the agreement",
    ],
}

# -- dates and slugs -----------------------------------------------------------------------------


def long_date(day: date, lang: str) -> str:
    """28 stycznia 2019, 28 января 2019, 28 студзеня 2019, 28 січня 2019, January 28, 2019."""
    if lang == "en":
        return f"{EN['months'][day.month - 1]} {day.day}, {day.year}"
    return f"{day.day} {PACKS[lang]['months_gen'][day.month - 1]} {day.year}"


_TRANSLIT = str.maketrans(
    {
        **dict(zip("ąćęłńóśźż", "acelnoszz", strict=True)),
        **dict(zip("абвгдезийклмнопрстуфхцыэіўґ", "abvgdezijklmnoprstufhcyeiug", strict=True)),
        "ё": "yo",
        "ж": "zh",
        "ч": "ch",
        "ш": "sh",
        "щ": "shch",
        "ю": "yu",
        "я": "ya",
        "ї": "yi",
        "є": "ye",
        "ъ": "",
        "ь": "",
        "'": "",
        "’": "",
    }
)


def slugify(text: str, words: int = 8) -> str:
    """ASCII slug of a title in any of the zoo's languages."""
    ascii_text = text.lower().translate(_TRANSLIT)
    parts = re.findall(r"[a-z0-9]+", ascii_text)
    return "-".join(parts[:words])


# -- stories -------------------------------------------------------------------------------------


@dataclass
class Facts:
    """What a story is about: indices into the aligned lists of every language."""

    org: int
    org2: int
    event: int
    place: int
    place2: int
    place3: int
    topic: int
    topic2: int
    person: int
    sector: int
    country: int

    @classmethod
    def draw(cls, rng: random.Random) -> Facts:
        org, org2 = rng.sample(range(12), 2)
        place, place2, place3 = rng.sample(range(12), 3)
        topic, topic2 = rng.sample(range(12), 2)
        return cls(
            org=org,
            org2=org2,
            event=rng.randrange(14),
            place=place,
            place2=place2,
            place3=place3,
            topic=topic,
            topic2=topic2,
            person=rng.randrange(10),
            sector=rng.randrange(8),
            country=rng.randrange(5),
        )


@dataclass
class Story:
    """One article: title, date and blocks of body text (``("p", text)``, ``("h", subhead)``,
    ``("q", quote paragraph)``, ``("ul", (intro, items))``)."""

    title: str
    day: date
    lang: str
    blocks: list[tuple[str, object]]
    facts: Facts
    slug: str = ""
    meta: dict = field(default_factory=dict)  # what the shape assigns: id, url, tags…

    @property
    def url(self) -> str:
        return self.meta["url"]

    def paragraphs(self) -> list[str]:
        """The body as plain paragraphs (lists as one paragraph each)."""
        out = []
        for kind, value in self.blocks:
            if kind == "ul":
                intro, items = value  # type: ignore[misc]
                out.append(intro + " " + "; ".join(items) + ".")
            elif kind != "h":
                out.append(str(value))
        return out

    def words(self) -> int:
        return sum(len(p.split()) for p in self.paragraphs())

    def lead(self, sentences: int = 2) -> str:
        """The first sentences of the article, as listings quote them."""
        found = split_sentences(self.paragraphs()[0])
        return " ".join(found[:sentences])

    def excerpt(self, words: int) -> str:
        """The article's text from its start, whole sentences, at least ``words`` words (or
        all of it): the long teasers some listings carry."""
        taken: list[str] = []
        count = 0
        for paragraph in self.paragraphs():
            for sentence in split_sentences(paragraph):
                taken.append(sentence)
                count += len(sentence.split())
                if count >= words:
                    return " ".join(taken)
        return " ".join(taken)


def split_sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[^\s])", text) if s]


# slots naming one of the story's facts: (list in the pack, attribute of Facts, form or None)
_FACT_SLOTS: dict[str, tuple[str, str, int | None]] = {
    "org": ("orgs", "org", 0),
    "org_gen": ("orgs", "org", 1),
    "org2": ("orgs", "org2", 0),
    "org2_gen": ("orgs", "org2", 1),
    "event": ("events", "event", 0),
    "event_acc": ("events", "event", 1),
    "place": ("places", "place", 0),
    "place_loc": ("places", "place", 1),
    "place_gen": ("places", "place", 2),
    "place2": ("places", "place2", 0),
    "place2_loc": ("places", "place2", 1),
    "place2_gen": ("places", "place2", 2),
    "place3_loc": ("places", "place3", 1),
    "topic": ("topics", "topic", None),
    "topic2": ("topics", "topic2", None),
    "person_name": ("persons", "person", 0),
    "person_role": ("persons", "person", 1),
    "sector": ("sectors", "sector", None),
    "country_gen": ("countries_gen", "country", None),
}

_OTHER_PLACES = [[p for p in range(12) if p != place] for place in range(12)]
_TOKEN = re.compile(r"\{(\w+)(?::([^}]*))?\}|<([oe2sw]):([^>]*)>")


def _plural_form(lang: str, n: int) -> int:
    """0 one, 1 few, 2 many (Slavic rules); English: 0 one, 2 other."""
    if lang == "en":
        return 0 if n == 1 else 2
    if lang == "pl":
        if n == 1:
            return 0
        return 1 if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14) else 2
    if n % 10 == 1 and n % 100 != 11:
        return 0
    return 1 if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14) else 2


class Writer:
    """Writes a site's stories and pages in one language, each article its own."""

    def __init__(
        self,
        lang: str,
        rng: random.Random,
        *,
        owner: tuple[str, str, str] = ("", "", "m"),
        email: str = "biuro@example.org",
    ):
        self.lang = lang
        self.pack = PACKS[lang]
        self.rng = rng
        self.owner = owner
        self.email = email
        self.phone = self.pack["phone"].format(
            a=rng.randint(100, 999), b=rng.randint(10, 99), c=rng.randint(10, 99)
        )
        self.seen: set[str] = set()  # sentences an article of this site already used
        self.titles: set[str] = set()

    # -- templates -------------------------------------------------------------------------------

    def render(self, template: str, facts: Facts, day: date | None = None) -> str:
        pack, rng = self.pack, self.rng

        def gender(which: str) -> str:
            return {
                "o": pack["orgs"][facts.org][2],
                "2": pack["orgs"][facts.org2][2],
                "e": pack["events"][facts.event][2],
                "s": pack["persons"][facts.person][2],
                "w": self.owner[2],
            }[which]

        def number(many: bool) -> int:
            while True:
                n = rng.choice((rng.randint(12, 60), rng.randint(20, 250)))
                if not many or _plural_form(self.lang, n) == 2:
                    return n

        drawn: list[date] = []

        def dates() -> tuple[date, date]:
            """A deadline a few weeks after the story, a next meeting a few months after it:
            drawn once a sentence, so that its day and month agree."""
            if not drawn:
                when = day or date(2020, rng.randint(1, 12), rng.randint(1, 28))
                drawn.append(date.fromordinal(when.toordinal() + rng.randint(7, 40)))
                drawn.append(date.fromordinal(when.toordinal() + rng.randint(35, 150)))
            return drawn[0], drawn[1]

        def slot(match: re.Match) -> str:
            if match.group(3):
                forms = match.group(4).split("|")
                g = gender(match.group(3))
                if len(forms) == 2:
                    return forms[0 if g == "m" else 1]
                return forms[GENDERS.index(g)]
            name, arg = match.group(1), match.group(2)
            cap = name.endswith("_cap")
            name = name.removesuffix("_cap")
            value = self._value(name, arg, facts, day, number, dates)
            return value[:1].upper() + value[1:] if cap else value

        text = _TOKEN.sub(slot, template)
        text = text[:1].upper() + text[1:]
        if self.lang == "be":
            text = belarusian_u(text)
        return text

    def _value(
        self,
        name: str,
        arg: str | None,
        facts: Facts,
        day: date | None,
        number: Callable[[bool], int],
        dates: Callable[[], tuple[date, date]],
    ) -> str:
        pack, rng = self.pack, self.rng
        if name == "nm":
            return f"{number(True)} {arg}"
        fact = _FACT_SLOTS.get(name)
        if fact:
            key, attribute, position = fact
            entry = pack[key][getattr(facts, attribute)]
            return entry if position is None else entry[position]
        if name == "pct":
            return str(rng.randint(6, 58))
        if name == "amount":
            return pack["amount"].format(n=rng.choice(range(40, 900, 5)))
        if name == "year":
            return str(rng.randint(1998, 2014))
        if name in ("day", "month_gen"):
            deadline = dates()[0]
            return str(deadline.day) if name == "day" else pack["months_gen"][deadline.month - 1]
        if name in ("month", "month_loc"):
            return pack["months" if name == "month" else "months_loc"][dates()[1].month - 1]
        if name == "sday":
            return str(day.day if day else 1)
        if name in ("smonth", "smonth_gen"):
            months = pack["months" if name == "smonth" else "months_gen"]
            return months[(day.month if day else 1) - 1]
        if name == "quote":
            return rng.choice(pack["quotes"])
        return {
            "phone": self.phone,
            "email": self.email,
            "owner": self.owner[0],
            "owner_gen": self.owner[1],
        }[name]

    def _vary(self, facts: Facts) -> Facts:
        """The story's facts with its secondary ones drawn anew (another partner, speaker…)."""
        rng = self.rng
        bits = rng.getrandbits(6)
        org2, place2, place3 = facts.org2, facts.place2, facts.place3
        if bits & 1:
            org2 = (facts.org + 1 + rng.randrange(11)) % 12
        if bits & 2:
            place2, place3 = rng.sample(_OTHER_PLACES[facts.place], 2)
        return Facts(
            org=facts.org,
            org2=org2,
            event=facts.event,
            place=facts.place,
            place2=place2,
            place3=place3,
            topic=facts.topic,
            topic2=(facts.topic + 1 + rng.randrange(11)) % 12 if bits & 4 else facts.topic2,
            person=rng.randrange(10) if bits & 8 else facts.person,
            sector=rng.randrange(8) if bits & 16 else facts.sector,
            country=rng.randrange(5) if bits & 32 else facts.country,
        )

    # -- stories ---------------------------------------------------------------------------------

    def title(self, facts: Facts) -> tuple[str, Facts, bool]:
        """A headline no other story of the site has, the facts it tells, and whether it
        announces something to come (an invitation, a call) rather than reports it."""
        for _ in range(200):
            index = self.rng.randrange(len(self.pack["headlines"]))
            text = self.render(self.pack["headlines"][index], facts)
            if text not in self.titles:
                self.titles.add(text)
                return text, facts, index in INVITATIONS
            facts = Facts.draw(self.rng)
        raise RuntimeError("no new title")

    def story(
        self, day: date, words: tuple[int, int] = (150, 450), facts: Facts | None = None
    ) -> Story:
        rng, pack = self.rng, self.pack
        facts = facts or Facts.draw(rng)
        title, facts, invitation = self.title(facts)
        target = rng.randint(*words)
        repeats = 0  # sentences an earlier article used: two at most

        mine: set[str] = set()  # this article's sentences: none twice

        def fresh(template: str) -> str | None:
            nonlocal repeats
            sentence = ""
            for _ in range(4):
                before, sentence = sentence, self.render(template, self._vary(facts), day)
                parts = split_sentences(sentence)
                if not any(s in self.seen or s in mine for s in parts):
                    mine.update(parts)
                    return sentence
                if sentence == before:
                    break  # the same words whatever is drawn
            if repeats < 2 and not any(s in mine for s in split_sentences(sentence)):
                repeats += 1
                mine.update(split_sentences(sentence))
                return sentence
            return None

        body = list(pack["body"])
        rng.shuffle(body)
        refills = 1  # a long article may draw on each template twice, other slots filled
        quotes = rng.sample(range(len(pack["quotes"])), len(pack["quotes"]))
        leads = pack["leads"]
        lead = self.render(leads[2] if invitation else rng.choice(leads[:2]), facts, day)
        repeats += sum(1 for sentence in split_sentences(lead) if sentence in self.seen)
        mine.update(split_sentences(lead))
        first = [lead]
        while len(first) < 1 + rng.randint(1, 2) and body:
            sentence = fresh(body.pop())
            if sentence:
                first.append(sentence)
        blocks: list[tuple[str, object]] = [("p", " ".join(first))]
        count = sum(len(s.split()) for s in first)
        used_list = used_head = False
        while count < target and (body or refills):
            if not body:
                refills -= 1
                body = list(pack["body"])
                rng.shuffle(body)
            roll = rng.random()
            if roll < 0.12 and len(quotes) > len(pack["quotes"]) - 2 and blocks[-1][0] != "q":
                form = rng.choice(pack["quote_forms"])
                text = self.render(form.replace("{quote}", pack["quotes"][quotes.pop()]), facts)
                if text not in self.seen or repeats < 2:
                    repeats += text in self.seen
                    blocks.append(("q", text))
                    count += len(text.split())
                continue
            if roll < 0.2 and not used_list and len(blocks) > 1:
                intros, items = rng.choice(pack["lists"])
                chosen = rng.sample(items, rng.randint(3, min(5, len(items))))
                blocks.append(("ul", (rng.choice(intros), chosen)))
                count += sum(len(i.split()) for i in chosen)
                used_list = True
                continue
            if roll < 0.27 and not used_head and len(blocks) > 1:
                blocks.append(("h", rng.choice(pack["subheads"])))
                used_head = True
            paragraph = []
            for _ in range(rng.randint(2, 4)):
                if not body:
                    break
                sentence = fresh(body.pop())
                if sentence:
                    paragraph.append(sentence)
                    count += len(sentence.split())
            if paragraph:
                blocks.append(("p", " ".join(paragraph)))
        if rng.random() < 0.6:
            closing = fresh(rng.choice(pack["closings"]))
            if closing:
                blocks.append(("p", closing))
        story = Story(title=title, day=day, lang=self.lang, blocks=blocks, facts=facts)
        for paragraph in story.paragraphs():
            self.seen.update(split_sentences(paragraph))
        story.slug = slugify(title)
        return story

    def stories(
        self,
        count: int,
        newest: date,
        gap: tuple[int, int] = (2, 12),
        words: tuple[int, int] = (150, 450),
    ) -> list[Story]:
        """``count`` stories, newest first, published every few days back from ``newest``."""
        out = []
        day = newest
        for _ in range(count):
            out.append(self.story(day, words))
            day = date.fromordinal(day.toordinal() - self.rng.randint(*gap))
        return out

    # -- other pages -----------------------------------------------------------------------------

    def about(self, words: tuple[int, int] = (150, 300)) -> list[str]:
        """Prose about the site's owner, in paragraphs: no date, no news."""
        templates = list(self.pack["about"])
        first, rest = templates[0], templates[1:]
        self.rng.shuffle(rest)
        target = self.rng.randint(*words)
        facts = Facts.draw(self.rng)
        sentences = [self.render(first, facts)]
        count = len(sentences[0].split())
        for template in rest:
            if count >= target:
                break
            sentence = self.render(template, facts)
            sentences.append(sentence)
            count += len(sentence.split())
        paragraphs = []
        while sentences:
            size = self.rng.randint(2, 4)
            paragraphs.append(" ".join(sentences[:size]))
            sentences = sentences[size:]
        return paragraphs


def belarusian_u(text: str) -> str:
    """У after a vowel across a word boundary is ў, as Belarusian spelling wants (and у
    after a consonant or a pause)."""
    text = re.sub(r"(?<![\w'])ў", "у", text)
    return re.sub(r"(?<=[аеёіоуыэюя] )у", "ў", text)
