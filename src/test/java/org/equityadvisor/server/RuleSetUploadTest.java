package org.equityadvisor.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.equityadvisor.model.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unpacking an uploaded rule set: what lands where, and each archive refused with the entry named. */
class RuleSetUploadTest {

    @TempDir
    Path tmp;

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    void unpack(byte[] zip) {
        RuleSetUpload.unpack("set.zip", new ByteArrayInputStream(zip), tmp.resolve("out"));
    }

    String refusal(byte[] zip) {
        try {
            unpack(zip);
        } catch (InputException e) {
            return e.problems().toString();
        }
        throw new AssertionError("the archive was not refused");
    }

    @Test
    void aZippedRulesFolderUnpacksToItsFilesAndEditorLitterIsLeftOut() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("rules/triggers.csv", text("rule,finding\n"));
        entries.put("rules/catalog/actions.yaml", text("actions: []\n"));
        entries.put("rules/.DS_Store", text("x"));
        entries.put("__MACOSX/rules/._triggers.csv", text("x"));
        unpack(zip(entries));
        assertThat(tmp.resolve("out/triggers.csv")).hasContent("rule,finding");
        assertThat(tmp.resolve("out/catalog/actions.yaml")).exists();
        assertThat(tmp.resolve("out/.DS_Store")).doesNotExist();
        assertThat(tmp.resolve("out/__MACOSX")).doesNotExist();
    }

    @Test
    void anAbsolutePathOrOneThatClimbsOutIsRefusedNamingTheEntry() throws IOException {
        assertThat(refusal(zip(Map.of("/etc/cron.d/x.drl", text("x"))))).contains("set.zip:/etc/cron.d/x.drl").contains("outside");
        assertThat(refusal(zip(Map.of("catalog/../../x.yaml", text("x"))))).contains("set.zip:catalog/../../x.yaml").contains("outside");
        assertThat(refusal(zip(Map.of("..\\x.drl", text("x"))))).contains("set.zip:../x.drl");
        assertThat(tmp.resolve("x.yaml")).doesNotExist();
    }

    @Test
    void aFileThatUnpacksPastTheCapIsRefusedWithoutReadingItAll() throws IOException {
        byte[] zeros = new byte[(int) RuleSetUpload.MAX_FILE_BYTES + 1024];
        byte[] bomb = zip(Map.of("triggers.csv", zeros));
        assertThat(bomb.length).isLessThan(20_000);
        assertThat(refusal(bomb)).contains("set.zip:triggers.csv").contains("2.0 MiB");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void manySmallFilesPastTheTotalOrTheEntryCountAreRefused() throws IOException {
        Map<String, byte[]> big = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            big.put("part" + i + ".yaml", new byte[(int) RuleSetUpload.MAX_FILE_BYTES - 10]);
        }
        assertThat(refusal(zip(big))).contains("set.zip:part4.yaml").contains("8.0 MiB");
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i <= RuleSetUpload.MAX_ENTRIES; i++) {
            many.put("r" + i + ".yaml", text("x: 1\n"));
        }
        assertThat(refusal(zip(many))).contains("set.zip:r" + RuleSetUpload.MAX_ENTRIES + ".yaml").contains("at most 500 entries");
    }

    @Test
    void aKindOfFileNoRuleSetHasIsRefusedAndEveryOneIsNamed() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("triggers.csv", text("rule\n"));
        entries.put("Evil.class", text("x"));
        entries.put("lib/tool.jar", text("x"));
        String why = refusal(zip(entries));
        assertThat(why).contains("set.zip:Evil.class").contains("set.zip:lib/tool.jar").contains("is not a kind of file a rule set has");
        assertThat(Files.exists(tmp.resolve("out"))).isFalse();
    }

    @Test
    void somethingThatIsNotAZipSaysSo() {
        assertThat(refusal(text("not a zip at all"))).contains("set.zip").contains("holds no rule set files");
    }
}
