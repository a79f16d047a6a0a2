package io.commandpost.notification.slack;

import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * An announcement's stored mrkdwn text as Block Kit (ADR 0021), so every retry sends the same blocks: the 09:00
 * message's first line as a header, the duty and handover lines as a section, the overnight digest after a divider
 * (in sections of at most Slack's 3000 characters). Another announcement is one section. Pure.
 */
public final class AnnouncementBlocks {

    static final String GOOD_MORNING = "Good morning! ";
    static final String DIGEST = "Overnight digest";
    static final int SECTION_LIMIT = 3000;

    private AnnouncementBlocks() {
    }

    public static List<LayoutBlock> of(String text) {
        List<LayoutBlock> blocks = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return blocks;
        }
        List<String> lines = List.of(text.split("\n"));
        if (!lines.get(0).startsWith(GOOD_MORNING)) {
            sections(blocks, lines);
            return blocks;
        }
        blocks.add(header(h -> h.text(plainText("Good morning!"))));
        int digest = lines.size();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(DIGEST)) {
                digest = i;
                break;
            }
        }
        List<String> duty = new ArrayList<>(lines.subList(0, digest));
        duty.set(0, duty.get(0).substring(GOOD_MORNING.length()));
        sections(blocks, duty);
        if (digest < lines.size()) {
            blocks.add(divider());
            sections(blocks, lines.subList(digest, lines.size()));
        }
        return blocks;
    }

    /** Lines joined into sections, each within Slack's limit; a line is never split unless alone too long. */
    private static void sections(List<LayoutBlock> blocks, List<String> lines) {
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            String cut = line.length() > SECTION_LIMIT ? line.substring(0, SECTION_LIMIT - 1) + "…" : line;
            if (current.length() > 0 && current.length() + 1 + cut.length() > SECTION_LIMIT) {
                String done = current.toString();
                blocks.add(section(s -> s.text(markdownText(done))));
                current.setLength(0);
            }
            if (current.length() > 0) {
                current.append('\n');
            }
            current.append(cut);
        }
        if (current.length() > 0) {
            String done = current.toString();
            blocks.add(section(s -> s.text(markdownText(done))));
        }
    }
}
