package io.commandpost.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Http2HeaderBlocksTest {

    private static final int HEADERS = 0x1;
    private static final int CONTINUATION = 0x9;
    private static final int DATA = 0x0;
    private static final int SETTINGS = 0x4;
    private static final int END_HEADERS = 0x4;

    @Test
    void theFirstBlockCountsFromTheAcceptAndEndsWithItsEndHeaders() {
        Http2HeaderBlocks blocks = new Http2HeaderBlocks(0, 100);
        assertThat(blocks.read(Unpooled.wrappedBuffer(concat(Http2HeaderBlocks.PREFACE, frame(SETTINGS, 0, 0, 0),
                frame(HEADERS, 0, 1, 5))), 200)).isTrue();
        assertThat(blocks.open()).isTrue();
        assertThat(blocks.openedAt()).isEqualTo(100);

        blocks.read(Unpooled.wrappedBuffer(frame(CONTINUATION, END_HEADERS, 1, 3)), 300);
        assertThat(blocks.open()).isFalse();
        assertThat(blocks.lastOpenedAt()).isEqualTo(100);
        assertThat(blocks.lastStream()).isEqualTo(1);
    }

    @Test
    void aLaterBlockCountsFromTheFirstByteOfItsHeadersFrameEvenWhenItComesAByteAtATime() {
        Http2HeaderBlocks blocks = new Http2HeaderBlocks(0, 100);
        blocks.read(Unpooled.wrappedBuffer(concat(Http2HeaderBlocks.PREFACE, frame(HEADERS, END_HEADERS, 1, 7),
                frame(DATA, 1, 1, 40))), 150);
        assertThat(blocks.open()).isFalse();

        byte[] next = concat(frame(HEADERS, 0, 3, 4), frame(CONTINUATION, 0, 3, 2), frame(CONTINUATION, END_HEADERS, 3, 1));
        for (int i = 0; i < next.length; i++) {
            blocks.read(Unpooled.wrappedBuffer(next, i, 1), 1000 + i);
            if (i < next.length - 1) {
                assertThat(blocks.open()).as("after byte %d", i).isEqualTo(i >= 8); // known once its frame header is in
            }
        }
        assertThat(blocks.open()).isFalse();
        assertThat(blocks.lastOpenedAt()).isEqualTo(1000);
        assertThat(blocks.lastStream()).isEqualTo(3);
    }

    @Test
    void framesOtherThanHeadersOpenNoBlock() {
        Http2HeaderBlocks blocks = new Http2HeaderBlocks(0, -1);
        blocks.read(Unpooled.wrappedBuffer(concat(Http2HeaderBlocks.PREFACE, frame(SETTINGS, 0, 0, 6),
                frame(DATA, 0, 1, 100))), 10);
        assertThat(blocks.open()).isFalse();
    }

    @Test
    void aPrefaceSplitAcrossReadsIsFollowedAndAWrongOneIsNotHttp2() {
        Http2HeaderBlocks split = new Http2HeaderBlocks(4, 0);
        byte[] rest = new byte[Http2HeaderBlocks.PREFACE.length - 4];
        System.arraycopy(Http2HeaderBlocks.PREFACE, 4, rest, 0, rest.length);
        assertThat(split.read(Unpooled.wrappedBuffer(concat(rest, frame(HEADERS, END_HEADERS, 1, 2))), 5)).isTrue();
        assertThat(split.open()).isFalse();

        Http2HeaderBlocks wrong = new Http2HeaderBlocks(0, -1);
        assertThat(wrong.read(Unpooled.wrappedBuffer("GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII)), 1))
                .isFalse();
    }

    private static byte[] frame(int type, int flags, int stream, int payloadLength) {
        byte[] frame = new byte[9 + payloadLength];
        frame[0] = (byte) (payloadLength >>> 16);
        frame[1] = (byte) (payloadLength >>> 8);
        frame[2] = (byte) payloadLength;
        frame[3] = (byte) type;
        frame[4] = (byte) flags;
        frame[8] = (byte) stream;
        return frame;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }
}
