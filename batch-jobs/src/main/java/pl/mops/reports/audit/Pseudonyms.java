package pl.mops.reports.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pseudonyms of source ids: HMAC-SHA-256 of {@code <kind>:<id>} keyed with the installation's secret,
 * first 16 hex digits, prefixed {@code R-} (family) or {@code O-} (person). Whoever holds the secret
 * (MOPS) can recompute the pseudonym of any of its own ids and so map a pseudonym back; without the
 * secret (an auditor) the pseudonym reveals nothing about the id.
 *
 * <p>The lineage file computes the same HMAC in PostgreSQL with the built-in {@code sha256()}:
 * {@code sha256(K ⊕ opad || sha256(K ⊕ ipad || message))} (RFC 2104), the two padded keys bound as
 * parameters ({@link #innerKey}, {@link #outerKey}), so no extension is needed.
 */
public final class Pseudonyms {

    /** the kind of a counted unit as written in pochodzenie.csv, with its HMAC prefix and pseudonym prefix */
    public enum Kind {
        RODZINA("rodzina", "R"), OSOBA("osoba", "O"), DECYZJA("decyzja", "D");

        private final String label;
        private final String prefix;

        Kind(String label, String prefix) {
            this.label = label;
            this.prefix = prefix;
        }

        public String label() {
            return label;
        }

        public String prefix() {
            return prefix;
        }
    }

    private static final int BLOCK = 64;

    private Pseudonyms() {
    }

    public static String pseudonym(byte[] secret, Kind kind, String sourceId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal((kind.label() + ":" + sourceId).getBytes(StandardCharsets.UTF_8));
            return kind.prefix() + "-" + HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** K ⊕ ipad (the key is at most one block: 32 bytes) */
    static byte[] innerKey(byte[] secret) {
        return padded(secret, (byte) 0x36);
    }

    /** K ⊕ opad */
    static byte[] outerKey(byte[] secret) {
        return padded(secret, (byte) 0x5c);
    }

    private static byte[] padded(byte[] secret, byte pad) {
        if (secret.length > BLOCK) {
            throw new IllegalArgumentException("secret longer than one SHA-256 block");
        }
        byte[] key = new byte[BLOCK];
        System.arraycopy(secret, 0, key, 0, secret.length);
        for (int i = 0; i < BLOCK; i++) {
            key[i] ^= pad;
        }
        return key;
    }

    /**
     * SQL expression of the pseudonym of the row's {@code kind} ('rodzina' / 'osoba' / 'decyzja') and {@code source_id},
     * with the padded keys as the named parameters {@code :innerKey} and {@code :outerKey}
     */
    static String sqlExpression(String kindColumn, String idColumn) {
        return "CASE " + kindColumn + " WHEN 'rodzina' THEN 'R-' WHEN 'decyzja' THEN 'D-' ELSE 'O-' END || left(encode(sha256("
                + "CAST(:outerKey AS bytea) || sha256(CAST(:innerKey AS bytea) || convert_to(" + kindColumn
                + " || ':' || " + idColumn + ", 'UTF8')))" + ", 'hex'), 16)";
    }
}
