package io.sagashop.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The product first: docs/design.md's module list is the reactor's, and the product builds without the tools. */
class LayoutTest {

  private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();
  private static final Pattern LISTED = Pattern.compile("(?m)^(\\S+)\\s");

  @Test
  void theDesignsModuleListIsTheReactors() throws Exception {
    List<String> listedModules = new ArrayList<>();
    for (String entry : designListEntries()) {
      assertThat(ROOT.resolve(entry)).as("docs/design.md lists %s", entry).exists();
      if (entry.endsWith("/") && Files.isRegularFile(ROOT.resolve(entry).resolve("pom.xml"))) {
        listedModules.add(entry.substring(0, entry.length() - 1));
      }
    }
    List<String> reactor = new ArrayList<>(modules("/project/modules"));
    reactor.addAll(modules("/project/profiles/profile[id='tools']/modules"));

    assertThat(listedModules).containsExactlyInAnyOrderElementsOf(reactor);
  }

  @Test
  void theProductBuildsWithoutTheTools() throws Exception {
    // `mvn -Dproduct` builds the top-level modules only: no tool, and no test that needs one (nor the
    // next release that only the upgrade drill rolls out)
    assertThat(modules("/project/modules")).noneMatch(module -> module.startsWith("tools/")).doesNotContain("tests/e2e-tests", "tests/next-release", "k8s");
    assertThat(modules("/project/profiles/profile[id='tools']/modules")).allMatch(module -> module.startsWith("tools/")
        || module.equals("tests/e2e-tests") || module.equals("tests/next-release") || module.equals("k8s"));
  }

  private static List<String> designListEntries() throws IOException {
    String design = Files.readString(ROOT.resolve("docs/design.md"));
    String block = design.substring(design.indexOf("<!-- modules:"), design.indexOf("<!-- /modules -->"));
    block = block.substring(block.indexOf("```") + 3, block.lastIndexOf("```"));
    List<String> entries = new ArrayList<>();
    Matcher matcher = LISTED.matcher(block);
    while (matcher.find()) {
      entries.add(matcher.group(1));
    }
    assertThat(entries).as("the entries of docs/design.md's module list").isNotEmpty();
    return entries;
  }

  private static List<String> modules(String xpath) throws Exception {
    Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(ROOT.resolve("pom.xml").toFile());
    NodeList parents = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, pom, XPathConstants.NODESET);
    List<String> modules = new ArrayList<>();
    for (int i = 0; i < parents.getLength(); i++) {
      NodeList children = ((Element) parents.item(i)).getElementsByTagName("module");
      for (int j = 0; j < children.getLength(); j++) {
        modules.add(children.item(j).getTextContent().trim());
      }
    }
    assertThat(modules).as(xpath).isNotEmpty();
    return modules;
  }
}
