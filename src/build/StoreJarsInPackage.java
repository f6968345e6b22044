import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites Lambda deployment packages so that the jars under lib/ hold their classes uncompressed ("stored") and the
 * package itself is compressed at the highest level. Compressed once across a whole jar instead of class by class,
 * the package shrinks by about a third (docs/decisions.md, "Performance"), and Lambda's JVM reads classes without
 * inflating them. Run by Maven after the assembly (pom.xml) with the JDK's source launcher:
 * {@code java src/build/StoreJarsInPackage.java target/vbs-sharing-lambda.zip ...}.
 */
public final class StoreJarsInPackage {

    public static void main(String[] packages) throws IOException {
        for (String name : packages) {
            Path pkg = Path.of(name);
            Path rewritten = pkg.resolveSibling(pkg.getFileName() + ".tmp");
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(pkg));
                 ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(rewritten))) {
                out.setLevel(Deflater.BEST_COMPRESSION);
                for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                    byte[] content = in.readAllBytes();
                    if (!entry.isDirectory() && entry.getName().startsWith("lib/") && entry.getName().endsWith(".jar")) {
                        content = stored(content);
                    }
                    ZipEntry copy = new ZipEntry(entry.getName());
                    copy.setTime(entry.getTime());
                    out.putNextEntry(copy);
                    out.write(content);
                    out.closeEntry();
                }
            }
            Files.move(rewritten, pkg, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The jar with every entry stored, in the same order, with the same names and times. */
    private static byte[] stored(byte[] jar) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(jar.length * 3);
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(jar));
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                byte[] content = in.readAllBytes();
                CRC32 crc = new CRC32();
                crc.update(content);
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setMethod(ZipEntry.STORED);
                copy.setSize(content.length);
                copy.setCompressedSize(content.length);
                copy.setCrc(crc.getValue());
                copy.setTime(entry.getTime());
                if (entry.getExtra() != null) {
                    copy.setExtra(entry.getExtra());
                }
                out.putNextEntry(copy);
                out.write(content);
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
