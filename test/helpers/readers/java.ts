// Java through javac's own parser (the compiler API, parse only), in one JVM for all sources; the
// same program loads .properties files with java.util.Properties.
import { run, tempFile, type Reader } from './tools.ts';

const PROGRAM = String.raw`
import com.sun.source.tree.*;
import com.sun.source.util.*;
import javax.tools.*;
import java.io.FileInputStream;
import java.nio.charset.StandardCharsets;
import java.util.*;

public class ReadStrings {
  public static void main(String[] args) throws Exception {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    HexFormat hex = HexFormat.of();
    for (String path : args) {
      System.out.println("F " + path);
      if (path.endsWith(".properties")) {
        Properties p = new Properties();
        try (FileInputStream in = new FileInputStream(path)) { p.load(in); }
        for (String k : new TreeSet<>(p.stringPropertyNames())) System.out.println("S " + hex.formatHex(p.getProperty(k).getBytes(StandardCharsets.UTF_8)));
        continue;
      }
      DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
      StandardJavaFileManager fm = javac.getStandardFileManager(diags, null, StandardCharsets.UTF_8);
      JavacTask task = (JavacTask) javac.getTask(null, fm, diags, List.of("-proc:none"), null, fm.getJavaFileObjects(path));
      List<String> found = new ArrayList<>();
      for (CompilationUnitTree unit : task.parse()) {
        new TreeScanner<Void, Void>() {
          @Override public Void visitLiteral(LiteralTree t, Void v) {
            if (t.getValue() instanceof String s) found.add(s);
            return null;
          }
        }.scan(unit, null);
      }
      for (Diagnostic<? extends JavaFileObject> d : diags.getDiagnostics())
        if (d.getKind() == Diagnostic.Kind.ERROR) System.out.println("E " + d.getMessage(null).replace('\n', ' '));
      for (String s : found) System.out.println("S " + hex.formatHex(s.getBytes(StandardCharsets.UTF_8)));
    }
  }
}
`;

/** The strings of each file (`.java` source or `.properties`), read by one JVM. */
export function javaRead(paths: string[]): string[][] {
  if (!paths.length) return [];
  const program = tempFile('ReadStrings.java', PROGRAM);
  const out = run('java', ['-XX:TieredStopAtLevel=1', '-Xshare:auto', program, ...paths]);
  const results: string[][] = [];
  for (const line of out.split('\n')) {
    if (line.startsWith('F ')) results.push([]);
    else if (line.startsWith('E ')) throw new Error(`javac: ${line.slice(2)}`);
    else if (line.startsWith('S ')) results.at(-1)!.push(Buffer.from(line.slice(2), 'hex').toString('utf8'));
  }
  return results;
}

export const java: Reader = async (sources) =>
  Promise.resolve(javaRead(sources.map((src) => tempFile('Snippet.java', src))));
