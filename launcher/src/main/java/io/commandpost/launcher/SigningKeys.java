package io.commandpost.launcher;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * An RSA key pair made for one run: the console signs its people's tokens with the private key
 * ({@code COMMANDPOST_CONSOLE_SIGNING_KEY}, PKCS#8), every service verifies them with the public key
 * ({@code COMMANDPOST_OIDC_PUBLIC_KEY}, X.509 SubjectPublicKeyInfo), both base64 without PEM armour. A new pair
 * each run: a restart signs everyone out, and no key is left on disk.
 */
public record SigningKeys(String privateKeyBase64, String publicKeyBase64) {

    public static SigningKeys generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Base64.Encoder base64 = Base64.getEncoder();
            return new SigningKeys(base64.encodeToString(pair.getPrivate().getEncoded()),
                    base64.encodeToString(pair.getPublic().getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no RSA", e);
        }
    }

    @Override
    public String toString() {
        return "SigningKeys[public=" + publicKeyBase64.substring(0, 16) + "...]"; // never the private key
    }
}
