package pl.mops.reports.cli;

/** The help text printed by {@code ./mops-reports help}. */
final class HelpText {

    static final String TEXT = """
            MOPS — statystyka i sprawozdawczość pomocy społecznej

            Użycie: ./mops-reports POLECENIE [opcje]

              demo                          wygeneruj dane syntetyczne (ok. 15 000 rodzin, 2 lata), zaimportuj je
                                            i policz statystykę miesięczną za ostatni pełny miesiąc
              generate --families N --years Y --seed S [--to RRRR-MM] [--out KATALOG] [--load]
                                            wygeneruj pliki CSV wymiany danych (--load: od razu je zaimportuj)
              import --dir KATALOG [--out KATALOG]
                                            import plików CSV z walidacją: nowa migawka, podsumowanie
                                            import-<migawka>.txt i odrzucone wiersze odrzucone-<migawka>.csv
              extract --source-url JDBC_URL [--source-schema S] [--source-user U] [--source-password H]
                                            to samo z tabel lub widoków bazy źródłowej PostgreSQL
                                            (hasło także w zmiennej MOPS_SOURCE_PASSWORD)
              snapshots                     lista migawek danych
              run monthly --month RRRR-MM [--snapshot ID] [--out KATALOG] [--rerun] [--profil pelny|publikacja]
                                            statystyka miesięczna (XLSX, PDF, CSV)
              run mrpips03 --period RRRR-P|RRRR-R [--snapshot ID] [--layout WERSJA] [--out KATALOG] [--rerun]
                                            sprawozdanie MRPiPS-03 za I półrocze (P) albo rok (R): XML (ze schematem
                                            XSD), XLSX, PDF i raport reguł kontrolnych (-kontrola.xlsx/.pdf).
                                            Ta sama migawka i układ: wypisuje gotowe pliki. Nowa migawka dla już
                                            policzonego okresu: korekta -k1, -k2… z listą zmian (-zmiany.xlsx).
                                            --rerun: przelicza od nowa pod tym samym numerem korekty.
              run ozps --year RRRR [--resources PLIK] [--snapshot ID] [--out KATALOG] [--rerun] [--profil pelny|publikacja]
                                            ocena zasobów pomocy społecznej za rok RRRR (XLSX, PDF, wnioski TXT);
                                            plik zasobów domyślnie MOPS_HOME/zasoby/zasoby-RRRR.yaml (albo .csv)
                                            --profil publikacja (monthly, ozps): tabele do BIP i dla rady miasta,
                                            liczby 1–2 jako „<3”, „x” = ukryte, by nie dało się ich odtworzyć z sum;
                                            pliki z przyrostkiem -publikacja
              ozps template --year RRRR [--out KATALOG] [--snapshot ID]
                                            szablon pliku zasobów zasoby-RRRR.yaml z komentarzami
                                            (domyślnie do MOPS_HOME/zasoby/; istniejącego pliku nie nadpisuje)
              każde run także:  --restart    tylko wznów przerwane lub nieudane uruchomienie od nieukończonego
                                             kroku (bez niego wznawiane jest ono też automatycznie)
                                --czekaj     gdy to samo zadanie i okres liczy inny proces (albo wbudowaną bazę
                                             ma inny proces): poczekaj na niego (bez tej opcji: kod wyjścia 5
                                             i informacja, kto liczy)
              runs                          lista uruchomień zadań (czas, wynik, kto uruchomił)
              serve [--port N]              praca według harmonogramu config/harmonogram.yml do Ctrl+C / SIGTERM:
                                            nadrabia zaległe okresy od najstarszego; stan pod
                                            http://127.0.0.1:8086/actuator/health
              status                        harmonogram, następne uruchomienia, zaległe okresy, ostatnie uruchomienia
              verify PACZKA.zip             sprawdź paczkę dla audytorów (<plik>-paczka.zip, tworzona przy każdym
                                            uruchomieniu) z jej manifestem: który plik zmieniono, dodano lub usunięto

            Folder domowy: zmienna MOPS_HOME (domyślnie ./mops-home): wbudowana baza, wyniki (out/), dziennik (logs/).
            Wbudowana baza ma jednego właściciela naraz (blokada MOPS_HOME/pgdata.lock): w tym czasie runs, status
            i snapshots czytają przez jego serwer, inne polecenia kończą się kodem 5 z informacją, kto ją ma.
            Zewnętrzna baza: SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME, SPRING_DATASOURCE_PASSWORD
            (albo --spring.datasource.url=… itd.); wtedy wbudowana baza nie jest uruchamiana.
            """;

    private HelpText() {
    }
}
