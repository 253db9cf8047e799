package io.sagashop.inventory;

import io.sagashop.testsupport.ServiceStartupContract;

class InventoryServiceStartupTest extends ServiceStartupContract {

  @Override
  protected String ownedTable() {
    return "stock_movement";
  }
}
