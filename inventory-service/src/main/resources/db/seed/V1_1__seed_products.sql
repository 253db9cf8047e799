-- A few products so that a local shop can take orders at once (profile "local" only).
INSERT INTO product (product_id, name, unit_price, stock) VALUES
    ('tea-sencha',    'Sencha green tea, 100 g',  12.50, 40),
    ('teapot-kyusu',  'Kyusu clay teapot',        48.00, 10),
    ('cups-set',      'Tea cups, set of four',    26.90, 15),
    ('matcha-whisk',  'Bamboo matcha whisk',       9.80,  3)
ON CONFLICT (product_id) DO NOTHING;
