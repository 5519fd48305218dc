package pl.mops.reports.runs;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.encoder.EncoderBase;

/**
 * One JSON object a line: {@code time} (ISO-8601 with offset), {@code level}, {@code step} (when in a step),
 * {@code logger}, {@code message} and, for a failure, {@code error} (exception class and message, with causes).
 * Runs of 11 digits (PESEL-like) are masked, as in the failure notification.
 */
public class RunLogEncoder extends EncoderBase<ILoggingEvent> {

    @Override
    public byte[] headerBytes() {
        return null;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        StringBuilder json = new StringBuilder(256).append('{');
        field(json, "time", OffsetDateTime.ofInstant(Instant.ofEpochMilli(event.getTimeStamp()), ZoneId.systemDefault())
                .toString());
        field(json, "level", event.getLevel().toString());
        String step = event.getMDCPropertyMap().get(RunLog.STEP_KEY);
        if (step != null) {
            field(json, "step", step);
        }
        field(json, "logger", event.getLoggerName());
        field(json, "message", RunFailureReport.mask(event.getFormattedMessage()));
        if (event.getThrowableProxy() != null) {
            field(json, "error", RunFailureReport.mask(describe(event.getThrowableProxy())));
        }
        json.setLength(json.length() - 1);
        return json.append("}\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }

    private static String describe(IThrowableProxy throwable) {
        StringBuilder text = new StringBuilder();
        for (IThrowableProxy t = throwable; t != null; t = t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(t.getClassName()).append(": ").append(t.getMessage());
        }
        return text.toString();
    }

    private static void field(StringBuilder json, String name, String value) {
        json.append('"').append(name).append("\":\"");
        for (char c : (value == null ? "" : value).toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append("\",");
    }
}
