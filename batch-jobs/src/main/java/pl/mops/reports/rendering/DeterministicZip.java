package pl.mops.reports.rendering;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Rewrites a ZIP container (XLSX) with every entry stamped with one fixed time, in the original
 * order, so that the file's bytes depend only on its content and not on when or where (JVM time zone) it was
 * written: the DOS entry time is the timestamp's UTC wall time.
 */
public final class DeterministicZip {

    private DeterministicZip() {
    }

    public static byte[] normalize(byte[] zip, Instant timestamp) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length + 1024);
        try (ZipFile source = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(zip)).get();
             ZipOutputStream normalized = new ZipOutputStream(out)) {
            normalized.setLevel(6);
            for (ZipArchiveEntry entry : Collections.list(source.getEntriesInPhysicalOrder())) {
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTimeLocal(LocalDateTime.ofInstant(timestamp, ZoneOffset.UTC)); // not the JVM's zone
                normalized.putNextEntry(copy);
                try (InputStream in = source.getInputStream(entry)) {
                    in.transferTo(normalized);
                }
                normalized.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
