package dev.lambdabridge.bridge.polyglot.node;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** {@code crypto}'s Java half: digests and HMACs on the JDK's providers, random bytes and UUIDs from SecureRandom. */
final class CryptoBacking {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Node's (OpenSSL's) digest names, lower case, to the JDK's. */
    private static final Map<String, String> DIGESTS = Map.ofEntries(
            Map.entry("md5", "MD5"), Map.entry("sha1", "SHA-1"), Map.entry("sha-1", "SHA-1"),
            Map.entry("sha224", "SHA-224"), Map.entry("sha-224", "SHA-224"),
            Map.entry("sha256", "SHA-256"), Map.entry("sha-256", "SHA-256"),
            Map.entry("sha384", "SHA-384"), Map.entry("sha-384", "SHA-384"),
            Map.entry("sha512", "SHA-512"), Map.entry("sha-512", "SHA-512"),
            Map.entry("sha512-224", "SHA-512/224"), Map.entry("sha512-256", "SHA-512/256"),
            Map.entry("sha3-224", "SHA3-224"), Map.entry("sha3-256", "SHA3-256"),
            Map.entry("sha3-384", "SHA3-384"), Map.entry("sha3-512", "SHA3-512"),
            Map.entry("rsa-md5", "MD5"), Map.entry("rsa-sha1", "SHA-1"), Map.entry("rsa-sha256", "SHA-256"),
            Map.entry("rsa-sha384", "SHA-384"), Map.entry("rsa-sha512", "SHA-512"));

    private CryptoBacking() {
    }

    static Members members(GuestErrors errors) {
        return new Members(errors)
                .fn("hasDigest", a -> DIGESTS.containsKey(a[0].asString().toLowerCase(Locale.ROOT)))
                .fn("digest", a -> Bytes.wrap(digest(a[0].asString(), Bytes.read(a[1], a[2], a[3]))))
                .fn("hmac", a -> Bytes.wrap(hmac(a[0].asString(), Bytes.read(a[1], a[2], a[3]),
                        Bytes.read(a[4], a[5], a[6]))))
                .fn("randomBytes", a -> Bytes.wrap(randomBytes(a[0].asInt())))
                .fn("randomUUID", a -> UUID.randomUUID().toString());
    }

    static byte[] digest(String algorithm, byte[] data) {
        String name = DIGESTS.get(algorithm.toLowerCase(Locale.ROOT));
        if (name == null) {
            throw NodeError.error("Digest method not supported");
        }
        try {
            return MessageDigest.getInstance(name).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw NodeError.error("Digest method not supported");
        }
    }

    static byte[] hmac(String algorithm, byte[] key, byte[] data) {
        String name = DIGESTS.get(algorithm.toLowerCase(Locale.ROOT));
        if (name == null) {
            throw new NodeError("TypeError", "Invalid digest: " + algorithm).with("code", "ERR_CRYPTO_INVALID_DIGEST");
        }
        try {
            Mac mac = Mac.getInstance("Hmac" + name.replace("-", "").replace("/", ""));
            // an empty key is legal in Node; SecretKeySpec refuses one, and HMAC pads keys with zeros anyway
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, mac.getAlgorithm()));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new NodeError("TypeError", "Invalid digest: " + algorithm).with("code", "ERR_CRYPTO_INVALID_DIGEST");
        }
    }

    static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
