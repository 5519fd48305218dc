package pl.mops.reports.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import pl.mops.reports.support.CommandLineRun;
import pl.mops.reports.support.CommandLineRun.Outcome;

/** {@code serve --host ADRES}: what the console line prints, and a bad address refused before anything starts. */
class ServeCommandAddressTest {

    @Test
    void theConsoleAddressPrinted() {
        assertThat(ServeCommand.consoleUrl("127.0.0.1", "8086")).isEqualTo("http://127.0.0.1:8086/");
        assertThat(ServeCommand.consoleUrl("192.168.1.10", "8086")).isEqualTo("http://192.168.1.10:8086/");
        assertThat(ServeCommand.consoleUrl("fe80::1", "9000")).isEqualTo("http://[fe80::1]:9000/");
        assertThat(ServeCommand.consoleUrl("0.0.0.0", "8086")).startsWith("http://").endsWith(":8086/")
                .doesNotContain("0.0.0.0");
        assertThat(ServeCommand.localUrl("0.0.0.0", "8086")).isEqualTo("http://127.0.0.1:8086/");
        assertThat(ServeCommand.localUrl("127.0.0.1", "8086")).isEqualTo("http://127.0.0.1:8086/");
        assertThat(ServeCommand.localUrl("192.168.1.10", "8086")).isEqualTo("http://192.168.1.10:8086/");
    }

    @Test
    void aMalformedHostIsRefusedBeforeTheDatabaseStarts() {
        for (String host : List.of("192.168.1.10/24", "http://x", "a b", "-zly")) {
            Outcome refused = CommandLineRun.launchExactly(List.of("serve", "--host", host, "--home=/nie/ma/takiego"));
            assertThat(refused.exitCode()).as(host).isEqualTo(2);
            assertThat(refused.err()).as(host).startsWith("Błąd: Nieprawidłowa wartość opcji --host: \"" + host
                    + "\" (oczekiwano: adres IP albo nazwa komputera");
        }
        Outcome help = CommandLineRun.launchExactly(List.of("help", "serve"));
        assertThat(help.out()).contains("serve [--port N] [--host ADRES]", "konsola WWW pod http://127.0.0.1:8086/");
    }
}
