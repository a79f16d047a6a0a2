package io.commandpost.notification.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server for the tests (GreenMail), on a free port, living as long as the JVM: it accepts every mail
 * for any address and keeps it for the tests to read.
 */
public final class TestSmtpServer {

    private static TestSmtpServer instance;

    private final GreenMail greenMail;

    private TestSmtpServer() {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        greenMail.start();
    }

    public static synchronized TestSmtpServer get() {
        if (instance == null) {
            instance = new TestSmtpServer();
        }
        return instance;
    }

    public int port() {
        return greenMail.getSmtp().getPort();
    }

    /** Every mail received so far whose subject contains {@code fragment}. */
    public List<MimeMessage> mailsWithSubjectContaining(String fragment) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(mail -> {
            try {
                return mail.getSubject() != null && mail.getSubject().contains(fragment);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** Every mail received so far sent to {@code address}. */
    public List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(mail -> {
            try {
                return Arrays.stream(mail.getAllRecipients()).anyMatch(to -> to.toString().contains(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
