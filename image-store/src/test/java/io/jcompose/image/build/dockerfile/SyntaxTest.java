package io.jcompose.image.build.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Parser directives, comments, line endings, heredocs and global ARGs. */
class SyntaxTest {
    private static List<Instruction> body(String text) {
        return DockerfileParser.parse(text, "Dockerfile").stages().getFirst().instructions();
    }

    private static String script(Instruction in) {
        return ((ShellForm) ((Run) in).command()).script();
    }

    @Test
    void backtickEscapeDirectiveContinuesLinesAndKeepsBackslashes() {
        Dockerfile df = DockerfileParser.parse("# escape=`\nFROM x\nRUN dir C:\\ `\n  /s\n", "Dockerfile");
        assertThat(df.escape()).isEqualTo('`');
        assertThat(script(df.stages().getFirst().instructions().getFirst())).isEqualTo("dir C:\\   /s");
    }

    @Test
    void allDirectivesAtTheTopAreRead() {
        Dockerfile df = DockerfileParser.parse("#syntax=docker/dockerfile:1\n# check=skip=all\n#  ESCAPE = `\nFROM x\n", "D");
        assertThat(df.escape()).isEqualTo('`');
    }

    @Test
    void aDirectiveAfterAnythingElseIsAComment() {
        for (String before : new String[] {"# a comment\n", "\n", "# unknown=directive\n", "ARG A\n"}) {
            Dockerfile df = DockerfileParser.parse(before + "# escape=`\nFROM x\nRUN a `\nRUN b\n", "D");
            assertThat(df.escape()).as(before).isEqualTo('\\');
            assertThat(df.stages().getFirst().instructions()).hasSize(2);
            assertThat(script(df.stages().getFirst().instructions().getFirst())).isEqualTo("a `");
        }
    }

    @Test
    void commentsOnlyStartLines() {
        List<Instruction> in = body("FROM x\n   # indented comment\nRUN echo # not a comment\n");
        assertThat(in).hasSize(1);
        assertThat(script(in.getFirst())).isEqualTo("echo # not a comment");
    }

    @Test
    void crlfAndByteOrderMarkAreAccepted() {
        List<Instruction> in = body("\uFEFFFROM x\r\nRUN a \\\r\n  b\r\nUSER me\r\n");
        assertThat(script(in.get(0))).isEqualTo("a   b");
        assertThat(in.get(1)).isEqualTo(new User(4, "USER me", "me"));
    }

    @Test
    void continuationAtTheEndOfTheFileEndsTheInstruction() {
        assertThat(script(body("FROM x\nRUN a \\").getFirst())).isEqualTo("a");
    }

    @Test
    void runHeredocBodiesAreAttachedAndLinesCountOn() {
        List<Instruction> in = body("""
                FROM x
                RUN <<EOF
                echo $HOME
                  indented
                EOF
                RUN python3 <<'PY' && cat <<-"END" >/f
                print("hi")
                PY
                \t\tkeep $X
                \tEND
                USER u
                """);
        Run first = (Run) in.get(0);
        assertThat(first.command()).isEqualTo(new ShellForm("<<EOF"));
        assertThat(first.heredocs()).containsExactly(new Heredoc("EOF", "echo $HOME\n  indented\n", true, false));
        Run second = (Run) in.get(1);
        assertThat(second.line()).isEqualTo(6);
        assertThat(script(second)).isEqualTo("python3 <<'PY' && cat <<-\"END\" >/f");
        assertThat(second.heredocs()).containsExactly(
                new Heredoc("PY", "print(\"hi\")\n", false, false),
                new Heredoc("END", "keep $X\n", false, true));
        assertThat(in.get(2)).isEqualTo(new User(11, "USER u", "u"));
    }

    @Test
    void copyHeredocsAreFilesNotSources() {
        List<Instruction> in = body("FROM x\nCOPY <<one.txt a.txt <<two.txt /dst/\n1\none.txt\n2\ntwo.txt\n");
        Copy copy = (Copy) in.getFirst();
        assertThat(copy.sources()).containsExactly("a.txt");
        assertThat(copy.dest()).isEqualTo("/dst/");
        assertThat(copy.heredocs()).containsExactly(new Heredoc("one.txt", "1\n", true, false),
                new Heredoc("two.txt", "2\n", true, false));
    }

    @Test
    void heredocMarkersNeedANameRightAfterTheArrows() {
        // "<< EOF" and "a<<EOF" are not heredocs (the shell sees them as it likes); a fd prefix is allowed
        assertThat(((Run) body("FROM x\nRUN cat << EOF\nRUN x\n").getFirst()).heredocs()).isEmpty();
        assertThat(((Run) body("FROM x\nRUN cat a<<EOF\n").getFirst()).heredocs()).isEmpty();
        assertThat(((Run) body("FROM x\nRUN cat 3<<EOF\nz\nEOF\n").getFirst()).heredocs())
                .containsExactly(new Heredoc("EOF", "z\n", true, false));
        // other instructions never take heredocs: the lines after stay instructions
        assertThat(body("FROM x\nENV A=<<EOF\nUSER u\n")).hasSize(2);
    }

    @Test
    void heredocBodiesKeepCommentsBlankLinesAndContinuations() {
        Run run = (Run) body("FROM x\nRUN <<EOF\n# kept\n\necho a \\\n  b\nEOF\n").getFirst();
        assertThat(run.heredocs().getFirst().content()).isEqualTo("# kept\n\necho a \\\n  b\n");
    }

    @Test
    void copyHeredocContentExpandsVariablesButKeepsQuotes() {
        Copy copy = (Copy) body("FROM x\nCOPY <<A <<'B' /d/\nsay \"$X\" '${Y:-y}' \\$X\nA\nraw \"$X\" \\$X\nB\n").getFirst();
        java.util.function.Function<String, String> vars = java.util.Map.of("X", "1")::get;
        assertThat(copy.heredocs().get(0).expandedContent(vars)).isEqualTo("say \"1\" 'y' $X\n");
        assertThat(copy.heredocs().get(1).expandedContent(vars)).isEqualTo("raw \"$X\" \\$X\n");
    }

    @Test
    void globalArgsComeBeforeTheFirstFrom() {
        Dockerfile df = DockerfileParser.parse("ARG A=1 B\n# c\nARG C\nFROM x\nARG A\n", "D");
        assertThat(df.globalArgs()).containsExactly(
                new Arg(1, "ARG A=1 B", List.of(new ArgDecl("A", "1"), new ArgDecl("B", null))),
                new Arg(3, "ARG C", List.of(new ArgDecl("C", null))));
        assertThat(df.stages().getFirst().instructions()).containsExactly(new Arg(5, "ARG A", List.of(new ArgDecl("A", null))));
    }

    @Test
    void stagesSplitAtEachFrom() {
        Dockerfile df = DockerfileParser.parse("FROM a AS one\nRUN x\nFROM b\nFROM c AS Three\nUSER u\n", "D");
        assertThat(df.stages()).extracting(Stage::index, Stage::name, s -> s.instructions().size())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, "one", 1),
                        org.assertj.core.groups.Tuple.tuple(1, null, 0),
                        org.assertj.core.groups.Tuple.tuple(2, "three", 1));
    }

    @Test
    void copyFromAnImageIsNotAStage() {
        Copy copy = (Copy) body("FROM x AS a\nCOPY --from=nginx:1 /etc/nginx /n\n").getFirst();
        assertThat(copy.from()).isEqualTo("nginx:1");
    }
}
