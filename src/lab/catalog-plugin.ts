import { JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { ISettingRegistry } from '@jupyterlab/settingregistry';
import { CatalogSettings } from '../core/catalog';
import { CatalogModel } from './catalog-model';
import { swotServerConfig } from './server-api';
import { ICatalogModel } from './tokens';

/** Provides the product catalog, kept in sync with the "SWOT data catalog" settings. */
export const catalogPlugin: JupyterFrontEndPlugin<ICatalogModel> = {
  id: 'jupyterlab-swot:catalog',
  description: 'The catalog of CNES-hosted SWOT products and their locations, overridable from the Settings Editor.',
  autoStart: true,
  provides: ICatalogModel,
  optional: [ISettingRegistry],
  activate: (app: JupyterFrontEnd, registry: ISettingRegistry | null): ICatalogModel => {
    const model = new CatalogModel();
    // The sample dataset's folder is the server's (c.Swot.sample_data): "{sample}/..." locations resolve against it.
    swotServerConfig()
      .then(config => model.setSample(config.sample))
      .catch(reason => console.error('jupyterlab-swot: cannot read the server configuration (/swot/config)', reason));
    if (registry) {
      registry
        .load(catalogPlugin.id)
        .then(settings => {
          const apply = () => model.applySettings(settings.composite as unknown as Partial<CatalogSettings>);
          apply();
          settings.changed.connect(apply);
        })
        .catch(reason => console.error('jupyterlab-swot: cannot load the catalog settings', reason));
    }
    return model;
  }
};
