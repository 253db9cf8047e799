package io.sagashop.order.catalog;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The products the shop page offers, so that the page talks to one service only. */
@RestController
class CatalogController {

  private final Catalog catalog;

  CatalogController(Catalog catalog) {
    this.catalog = catalog;
  }

  @GetMapping("/catalog")
  List<Catalog.Price> products() {
    return catalog.products();
  }
}
