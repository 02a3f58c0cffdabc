package dev.domaindesk.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The window's icon is the one in assets/ that the package and the desktop entry use. */
class AppIconTest {
    @Test
    void theWindowsIconIsTheAssetsIcon() throws Exception {
        URL icon = new URL(DesktopApp.ICON);
        byte[] onClassPath;
        try (var in = icon.openStream()) {
            onClassPath = in.readAllBytes();
        }
        assertEquals(-1, Files.mismatch(Path.of("assets/domaindesk.png"), Files.write(Files.createTempFile("icon", ".png"),
                onClassPath)), "the build copies assets/domaindesk.png");
        BufferedImage image = ImageIO.read(icon);
        assertEquals(256, image.getWidth());
        assertEquals(256, image.getHeight());
    }
}
