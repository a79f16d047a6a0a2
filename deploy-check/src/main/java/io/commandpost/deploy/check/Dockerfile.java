package io.commandpost.deploy.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A Dockerfile read the way BuildKit's parser reads it, as far as our checks need: comment lines and parser
 * directives skipped, lines joined at a trailing backslash, one instruction per logical line, grouped into stages
 * at each FROM ({@code FROM image [AS name]}, {@code --platform} ignored).
 */
public record Dockerfile(List<Stage> stages) {

    /** One instruction: its keyword in upper case and the rest of its line. */
    public record Instruction(String keyword, String arguments) {
    }

    /** A build stage: its base (an image or an earlier stage's name), its name if it has one, its instructions. */
    public record Stage(String base, Optional<String> name, List<Instruction> instructions) {

        public List<Instruction> all(String keyword) {
            return instructions.stream().filter(instruction -> instruction.keyword().equals(keyword)).toList();
        }

        public Optional<Instruction> last(String keyword) {
            List<Instruction> matching = all(keyword);
            return matching.isEmpty() ? Optional.empty() : Optional.of(matching.get(matching.size() - 1));
        }
    }

    public static Dockerfile parse(String text) {
        List<String> logical = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.startsWith("#")) {
                continue; // comments and parser directives (# syntax=...), also inside a continued instruction
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            current.append(line);
            if (!current.toString().isBlank()) {
                logical.add(current.toString().strip());
            }
            current.setLength(0);
        }
        if (!current.toString().isBlank()) {
            logical.add(current.toString().strip());
        }

        List<Stage> stages = new ArrayList<>();
        List<Instruction> instructions = null;
        for (String line : logical) {
            String[] parts = line.split("\\s+", 2);
            Instruction instruction = new Instruction(parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1].strip() : "");
            if (instruction.keyword().equals("FROM")) {
                List<String> words = new ArrayList<>(List.of(instruction.arguments().split("\\s+")));
                words.removeIf(word -> word.startsWith("--"));
                Optional<String> name = words.size() >= 3 && words.get(1).equalsIgnoreCase("AS")
                        ? Optional.of(words.get(2)) : Optional.empty();
                instructions = new ArrayList<>();
                stages.add(new Stage(words.get(0), name, instructions));
            } else if (instructions != null) {
                instructions.add(instruction);
            } else if (!instruction.keyword().equals("ARG")) {
                throw new IllegalArgumentException("instruction before the first FROM: " + line);
            }
        }
        return new Dockerfile(List.copyOf(stages));
    }

    public Optional<Stage> stage(String name) {
        return stages.stream().filter(stage -> stage.name().filter(name::equals).isPresent()).findFirst();
    }

    /** The stage and the stages it builds on (FROM an earlier stage), nearest first. */
    public List<Stage> lineage(Stage stage) {
        List<Stage> chain = new ArrayList<>();
        Optional<Stage> next = Optional.of(stage);
        while (next.isPresent() && !chain.contains(next.get())) {
            chain.add(next.get());
            next = stage(next.get().base());
        }
        return chain;
    }

    /** The user a stage's processes run as: its last USER, or the nearest inherited one ("root" when none). */
    public String effectiveUser(Stage stage) {
        return lineage(stage).stream().flatMap(each -> each.last("USER").stream())
                .map(Instruction::arguments).findFirst().orElse("root");
    }
}
